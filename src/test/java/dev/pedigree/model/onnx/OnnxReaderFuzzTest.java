package dev.pedigree.model.onnx;

import static org.junit.jupiter.api.Assertions.fail;

import dev.pedigree.model.ModelFormatException;
import dev.pedigree.model.StoredTensor;
import dev.pedigree.model.TensorContainer;
import dev.pedigree.model.roles.OnnxTensorRolesAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutation fuzzing of the ONNX reader over the small fixtures: whatever the bytes, opening,
 * mapping roles, reading the architecture and decoding every tensor either works or throws
 * ModelFormatException. 1,000 mutations by default; a long run:
 * {@code mvn test -Dtest=OnnxReaderFuzzTest -Dpedigree.fuzz.iterations=200000 -Dpedigree.fuzz.seed=7}.
 */
class OnnxReaderFuzzTest {
    private static final List<String> SEEDS = List.of("raw_vs_float_data.onnx", "narrow_types.onnx", "constant_weights.onnx",
            "external_data.onnx", "dynamic_per_channel.onnx", "qdq.onnx", "gpt2_block.onnx", "matmul_nbits.onnx", "tiny_llama.onnx", "tiny_gpt2.onnx");

    @TempDir
    Path dir;

    @Test
    void onlyModelFormatExceptionEscapes() throws Exception {
        int iterations = Integer.getInteger("pedigree.fuzz.iterations", 1000);
        long seed = Long.getLong("pedigree.fuzz.seed", 20261123L);
        Files.copy(OnnxFixtures.file("external_data.bin"), dir.resolve("external_data.bin"));
        byte[][] originals = new byte[SEEDS.size()][];
        for (int i = 0; i < originals.length; i++) {
            originals[i] = Files.readAllBytes(OnnxFixtures.file(SEEDS.get(i)));
        }
        SplittableRandom random = new SplittableRandom(seed);
        Path file = dir.resolve("mutant.onnx");
        for (int iteration = 0; iteration < iterations; iteration++) {
            byte[] mutant = mutate(originals[random.nextInt(originals.length)], random);
            Files.write(file, mutant);
            try {
                exercise(file);
            } catch (ModelFormatException expected) {
                // the one allowed outcome besides success
            } catch (Throwable t) {
                Path kept = Path.of("target", "fuzz-failures", "onnx-" + seed + "-" + iteration + ".onnx");
                Files.createDirectories(kept.getParent());
                Files.copy(file, kept, StandardCopyOption.REPLACE_EXISTING);
                fail("seed " + seed + " iteration " + iteration + " (input kept at " + kept + "): " + t, t);
            }
        }
    }

    private static void exercise(Path file) {
        try (TensorContainer c = new OnnxReader().open(file)) {
            OnnxArchitecture.from(c);
            OnnxTensorRolesAccess.mapAndReadAll(c);
            for (StoredTensor t : c.tensors()) {
                float[] values = new float[Math.toIntExact(t.elementCount())];
                t.read(0, values, 0, values.length);
            }
        }
    }

    /** One to four mutations: byte flips, interesting values, truncation, insertion, chunk duplication. */
    static byte[] mutate(byte[] original, SplittableRandom random) {
        byte[] b = original.clone();
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations && b.length > 0; m++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(6)) {
                case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[at] = (byte) new int[] {0x00, 0xFF, 0x7F, 0x80, 0x01, 0x0F}[random.nextInt(6)];
                case 2 -> b = Arrays.copyOf(b, at);
                case 3 -> {
                    byte[] ins = new byte[1 + random.nextInt(8)];
                    for (int i = 0; i < ins.length; i++) {
                        ins[i] = (byte) random.nextInt(256);
                    }
                    b = splice(b, at, ins);
                }
                case 4 -> {
                    int len = Math.min(b.length - at, 1 + random.nextInt(32));
                    b = splice(b, random.nextInt(b.length), Arrays.copyOfRange(b, at, at + len));
                }
                default -> b[at] = (byte) random.nextInt(256);
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int at, byte[] ins) {
        byte[] out = new byte[b.length + ins.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(ins, 0, out, at, ins.length);
        System.arraycopy(b, at, out, at + ins.length, b.length - at);
        return out;
    }
}
