package dev.pedigree.model.gguf;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.ModelFormatException;
import dev.pedigree.model.StoredTensor;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.TensorStore;
import dev.pedigree.model.roles.GgufTensorRoles;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutation fuzzing of the GGUF reader: mutated fixtures are opened and, when they open, read
 * through every path (tensors, metadata arrays, architecture, lineage, roles). Only
 * {@link ModelFormatException} may escape; anything else (an index error, an OutOfMemoryError) fails
 * the test with the seed and iteration that reproduce it. Short in CI; a long run:
 * {@code mvn test -Dtest=GgufFuzzTest -Dpedigree.fuzz.iterations=200000 [-Dpedigree.fuzz.seed=N]}.
 */
class GgufFuzzTest {
    private static final long[] INTERESTING = {0, 1, 2, 3, 4, 5, 31, 32, 33, 255, 256, 0x7FFF_FFFFL, 0x8000_0000L,
            0xFFFF_FFFFL, 1L << 32, 1L << 40, Long.MAX_VALUE, Long.MIN_VALUE, -1};

    @TempDir
    Path dir;

    @Test
    void onlyModelFormatExceptionEscapes() throws Exception {
        int iterations = Integer.getInteger("pedigree.fuzz.iterations", 2000);
        long seed = Long.getLong("pedigree.fuzz.seed", 20261123L);
        List<byte[]> seeds = List.of(
                Files.readAllBytes(GgufFixtures.path("tiny-llama.gguf")),
                Files.readAllBytes(GgufFixtures.path("quants.gguf")));
        SplittableRandom random = new SplittableRandom(seed);
        Path file = dir.resolve("fuzz.gguf");
        int opened = 0;
        for (int i = 0; i < iterations; i++) {
            byte[] original = seeds.get(i % seeds.size());
            byte[] mutated = mutate(original, random);
            Files.write(file, mutated);
            try {
                opened += exercise(file) ? 1 : 0;
            } catch (ModelFormatException expected) {
                assertTrue(expected.getMessage().startsWith(file.toString()), expected.getMessage());
            } catch (Throwable t) {
                Path kept = Files.write(dir.resolve("failure.gguf"), mutated);
                fail("iteration " + i + " of seed " + seed + " threw " + t + " (input kept at " + kept + ")", t);
            }
        }
        // mutations that miss the header leave readable files: the harness must reach the read paths
        assertTrue(opened > iterations / 20, "only " + opened + " of " + iterations + " mutants opened");
    }

    /** Opens and reads everything; returns true when the file opened. */
    private static boolean exercise(Path file) {
        try (GgufFile gguf = new GgufReader().open(file)) {
            for (Map.Entry<String, Object> e : gguf.metadata().entrySet()) {
                if (e.getValue() instanceof List<?> list) {
                    touch(list);
                }
            }
            dev.pedigree.model.lineage.DeclaredLineageReader.read(null, null, gguf.metadata());
            for (StoredTensor t : gguf.tensors()) {
                float[] all = new float[Math.toIntExact(t.elementCount())];
                try {
                    t.read(0, all, 0, all.length);
                } catch (ModelFormatException undecodable) {
                    // a mutated type id may name a listed-but-undecodable type; the rest still get read
                }
            }
            ArchitectureSpec arch = GgufArchitecture.from(gguf);
            TensorStore store = new TensorStore(gguf, new GgufTensorRoles().map(gguf, arch));
            for (TensorInfo t : store.tensors()) {
                try {
                    store.readStrided(t, 16);
                } catch (ModelFormatException undecodable) {
                    // as above
                }
            }
            return true;
        }
    }

    private static void touch(List<?> list) {
        for (Object o : list) {
            if (o instanceof List<?> inner) {
                touch(inner);
            } else {
                o.hashCode();
            }
        }
    }

    private static byte[] mutate(byte[] original, SplittableRandom random) {
        byte[] b = original.clone();
        // most of the interest is in the header; its end is roughly where the zero padding starts
        int headerEnd = Math.min(b.length, 4096);
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            int at = random.nextInt(random.nextInt(4) == 0 ? b.length : headerEnd);
            switch (random.nextInt(5)) {
                case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[at] = (byte) random.nextInt(256);
                case 2 -> {
                    long v = INTERESTING[random.nextInt(INTERESTING.length)];
                    int width = random.nextBoolean() ? 4 : 8;
                    if (at + width <= b.length) {
                        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
                        if (width == 4) {
                            buf.putInt(at, (int) v);
                        } else {
                            buf.putLong(at, v);
                        }
                    }
                }
                case 3 -> b = Arrays.copyOf(b, random.nextInt(b.length + 1));
                default -> {
                    // delete or duplicate a short run, shifting every later field
                    int len = Math.min(1 + random.nextInt(16), b.length - at);
                    byte[] out = new byte[b.length + (random.nextBoolean() ? len : -len)];
                    if (out.length > b.length) {
                        System.arraycopy(b, 0, out, 0, at + len);
                        System.arraycopy(b, at, out, at + len, b.length - at);
                    } else {
                        System.arraycopy(b, 0, out, 0, at);
                        System.arraycopy(b, at + len, out, at, b.length - at - len);
                    }
                    b = out;
                }
            }
            if (b.length == 0) {
                break;
            }
            headerEnd = Math.min(headerEnd, b.length);
        }
        return b;
    }
}
