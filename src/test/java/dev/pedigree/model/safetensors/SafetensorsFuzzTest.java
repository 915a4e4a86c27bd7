package dev.pedigree.model.safetensors;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pedigree.model.ModelFormatException;
import dev.pedigree.model.StoredTensor;
import dev.pedigree.model.TensorContainer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutation fuzzing of the reader over the fixtures: bit flips, truncations, random header
 * length fields, byte insertions and structured JSON edits of the header and of the shard index.
 * Every mutant must either open and decode completely or be refused with ModelFormatException.
 *
 * <p>CI runs 2,000 mutants. A long run:
 * {@code mvn -B -q -ntp test -Dtest=SafetensorsFuzzTest -Dpedigree.fuzz.iterations=1000000 -Dpedigree.fuzz.seed=7}
 */
class SafetensorsFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] DTYPES = {"F64", "F32", "F16", "BF16", "F8_E4M3", "F8_E5M2", "I64", "I32", "I16", "I8",
        "U64", "U32", "U16", "U8", "BOOL", "F4", "", "f32", "Q4_K"};
    private static final long[] NUMBERS = {0, 1, -1, 2, 7, 8, 255, 4096, Integer.MAX_VALUE, 1L << 32, Long.MAX_VALUE,
        Long.MIN_VALUE, Long.MAX_VALUE / 2 + 1, 3_037_000_500L};

    @TempDir
    Path dir;

    private enum Mutation { BIT_FLIPS, TRUNCATE, LENGTH_FIELD, INSERT_DELETE, JSON_EDIT, INDEX_EDIT }

    @Test
    void mutantsOpenOrAreRefusedWithModelFormatException() throws IOException {
        int iterations = Integer.getInteger("pedigree.fuzz.iterations", 2_000);
        long seed = Long.getLong("pedigree.fuzz.seed", 20261123L);
        List<byte[]> seeds = List.of(
                Files.readAllBytes(SafetensorsFixtureTest.resource("dtypes.safetensors")),
                Files.readAllBytes(SafetensorsFixtureTest.resource("sharded/model-00001-of-00002.safetensors")),
                Files.readAllBytes(SafetensorsFixtureTest.resource("sharded/model-00002-of-00002.safetensors")));
        String index = Files.readString(SafetensorsFixtureTest.resource("sharded/model.safetensors.index.json"));
        Path single = dir.resolve("mutant.safetensors");
        Path model = Files.createDirectory(dir.resolve("model"));
        Random random = new Random(seed);
        int refused = 0;
        for (int i = 0; i < iterations; i++) {
            Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
            Path opened;
            if (mutation == Mutation.INDEX_EDIT) {
                Files.write(model.resolve("model-00001-of-00002.safetensors"), seeds.get(1));
                Files.write(model.resolve("model-00002-of-00002.safetensors"), seeds.get(2));
                opened = Files.writeString(model.resolve("model.safetensors.index.json"), editIndex(index, random));
            } else {
                byte[] original = seeds.get(random.nextInt(seeds.size()));
                opened = Files.write(single, mutate(original, mutation, random));
            }
            try {
                openAndDecodeEverything(opened);
            } catch (ModelFormatException expected) {
                refused++;
            } catch (Throwable t) {
                fail("seed " + seed + ", iteration " + i + ", " + mutation + ": " + t, t);
            }
        }
        // The mutators must actually produce broken files, or this test checks nothing.
        assertTrue(refused > iterations / 4, "only " + refused + " of " + iterations + " mutants were refused");
    }

    private static void openAndDecodeEverything(Path file) {
        float[] buffer = new float[4096];
        try (TensorContainer c = new SafetensorsReader().open(file)) {
            for (StoredTensor t : c.tensors()) {
                long n = t.elementCount();
                for (long first = 0; first < n; first += buffer.length) {
                    t.read(first, buffer, 0, (int) Math.min(buffer.length, n - first));
                }
            }
        }
    }

    private static byte[] mutate(byte[] original, Mutation mutation, Random random) {
        byte[] b = original.clone();
        switch (mutation) {
            case BIT_FLIPS -> {
                int flips = 1 + random.nextInt(8);
                // Mostly in the length field and header, where the parser's decisions are.
                int span = random.nextBoolean() ? Math.min(b.length, 8 + headerLength(original)) : b.length;
                for (int k = 0; k < flips; k++) {
                    int at = random.nextInt(span);
                    b[at] ^= (byte) (1 << random.nextInt(8));
                }
                return b;
            }
            case TRUNCATE -> {
                return Arrays.copyOf(b, random.nextInt(b.length));
            }
            case LENGTH_FIELD -> {
                long value = switch (random.nextInt(4)) {
                    case 0 -> random.nextLong();
                    case 1 -> headerLength(original) + random.nextInt(17) - 8;
                    case 2 -> b.length - 8 + random.nextInt(3) - 1;
                    default -> NUMBERS[random.nextInt(NUMBERS.length)];
                };
                ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(0, value);
                return b;
            }
            case INSERT_DELETE -> {
                int at = 8 + random.nextInt(Math.max(1, headerLength(original)));
                int n = 1 + random.nextInt(4);
                byte[] out;
                if (random.nextBoolean()) {
                    out = new byte[b.length + n];
                    System.arraycopy(b, 0, out, 0, at);
                    for (int k = 0; k < n; k++) {
                        out[at + k] = (byte) "{}[],:\"0123456789-e.x \\".charAt(random.nextInt(23));
                    }
                    System.arraycopy(b, at, out, at + n, b.length - at);
                } else {
                    n = Math.min(n, b.length - at);
                    out = new byte[b.length - n];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(b, at + n, out, at, b.length - at - n);
                }
                return out;
            }
            case JSON_EDIT -> {
                return editHeader(original, random);
            }
            default -> throw new IllegalArgumentException(mutation.name());
        }
    }

    private static int headerLength(byte[] file) {
        return (int) ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    }

    /** Re-writes the header with one structured edit, keeping the length field right and the data as is. */
    private static byte[] editHeader(byte[] original, Random random) {
        int length = headerLength(original);
        ObjectNode header;
        try {
            header = (ObjectNode) JSON.readTree(Arrays.copyOfRange(original, 8, 8 + length));
        } catch (IOException e) {
            throw new IllegalStateException("fixture header must parse", e);
        }
        List<String> names = new ArrayList<>();
        header.fieldNames().forEachRemaining(names::add);
        String name = names.get(random.nextInt(names.size()));
        JsonNode entry = header.get(name);
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (entry instanceof ObjectNode tensor && !name.equals("__metadata__")) {
            switch (random.nextInt(7)) {
                case 0 -> tensor.put("dtype", DTYPES[random.nextInt(DTYPES.length)]);
                case 1 -> editNumbers((ArrayNode) tensor.get("shape"), random);
                case 2 -> editNumbers((ArrayNode) tensor.get("data_offsets"), random);
                case 3 -> tensor.remove(List.of("dtype", "shape", "data_offsets").get(random.nextInt(3)));
                case 4 -> tensor.set(List.of("dtype", "shape", "data_offsets").get(random.nextInt(3)),
                        random.nextBoolean() ? f.textNode("x") : f.numberNode(random.nextInt(9)));
                case 5 -> ((ArrayNode) tensor.get("shape")).add(random.nextInt(4));
                default -> header.set(name + "_copy", tensor.deepCopy());
            }
        } else {
            header.set(name, random.nextBoolean() ? f.arrayNode().add(1) : f.objectNode().put("k", 5));
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        byte[] data = Arrays.copyOfRange(original, 8 + length, original.length);
        return SafetensorsTestFile.raw(json.length, json, data);
    }

    private static void editNumbers(ArrayNode array, Random random) {
        if (array.isEmpty()) {
            array.add(NUMBERS[random.nextInt(NUMBERS.length)]);
            return;
        }
        int at = random.nextInt(array.size());
        long old = array.get(at).longValue();
        long value = random.nextBoolean() ? NUMBERS[random.nextInt(NUMBERS.length)] : old + random.nextInt(9) - 4;
        array.set(at, JsonNodeFactory.instance.numberNode(value));
    }

    private static String editIndex(String index, Random random) {
        String[] replacements = {"..", "/", "/etc/passwd", "\"", "}", "model-00002-of-00002.safetensors", "", "\\u0000", "x"};
        int at = random.nextInt(index.length());
        int cut = Math.min(index.length(), at + random.nextInt(6));
        return index.substring(0, at) + replacements[random.nextInt(replacements.length)] + index.substring(cut);
    }
}
