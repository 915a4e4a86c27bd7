package dev.pedigree.model.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.model.ModelFormat;
import dev.pedigree.model.StoredTensor;
import dev.pedigree.model.TensorContainer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the fixtures written by {@code experiments/fixtures/make_safetensors_fixtures.py} with the
 * reference safetensors package and compares every element with the float32 value torch/numpy gave.
 */
class SafetensorsFixtureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path resource(String name) {
        try {
            return Path.of(SafetensorsFixtureTest.class.getResource("/safetensors/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyDtypeDecodesToTheReferenceFloats() throws IOException {
        checkAgainstExpected(resource("dtypes.safetensors"), resource("dtypes.expected.json"), 17);
    }

    @Test
    void shardedCheckpointReadsAllShardsThroughItsIndex() throws IOException {
        Path index = resource("sharded/model.safetensors.index.json");
        checkAgainstExpected(index, resource("sharded.expected.json"), 6);
        try (TensorContainer c = new SafetensorsReader().open(index)) {
            assertEquals(index, c.file());
            List<String> names = c.tensors().stream().map(StoredTensor::name).toList();
            // shard 1's tensors, then shard 2's
            assertEquals(java.util.Set.of("model.embed_tokens.weight", "model.layers.0.self_attn.q_proj.weight",
                    "model.layers.0.input_layernorm.weight"), java.util.Set.copyOf(names.subList(0, 3)));
            assertEquals(java.util.Set.of("model.layers.0.mlp.down_proj.weight", "model.norm.weight", "lm_head.weight"),
                    java.util.Set.copyOf(names.subList(3, 6)));
        }
    }

    @Test
    void everyDtypeIsCoveredByTheFixture() throws IOException {
        try (TensorContainer c = new SafetensorsReader().open(resource("dtypes.safetensors"))) {
            List<String> dtypes = c.tensors().stream().map(StoredTensor::dtype).distinct().sorted().toList();
            List<String> all = new ArrayList<>();
            for (SafetensorsDtype d : SafetensorsDtype.values()) {
                all.add(d.headerName());
            }
            assertEquals(all.stream().sorted().toList(), dtypes);
        }
    }

    @Test
    void partialReadsMatchTheWholeTensor() throws IOException {
        try (TensorContainer c = new SafetensorsReader().open(resource("dtypes.safetensors"))) {
            for (StoredTensor t : c.tensors()) {
                int n = Math.toIntExact(t.elementCount());
                float[] whole = new float[n];
                t.read(0, whole, 0, n);
                for (int first = 0; first < n; first += 3) {
                    int count = Math.min(5, n - first);
                    float[] part = new float[count + 2];
                    t.read(first, part, 2, count);
                    for (int i = 0; i < count; i++) {
                        assertEquals(Float.floatToRawIntBits(whole[first + i]), Float.floatToRawIntBits(part[2 + i]), t.name());
                    }
                }
                assertThrows(IndexOutOfBoundsException.class, () -> t.read(n, new float[1], 0, 1));
            }
        }
    }

    @Test
    void unalignedDataOffsetsDecode(@TempDir Path dir) throws IOException {
        // One odd-sized U8 tensor first pushes the BF16 and F64 data to odd offsets.
        byte[] bf16 = {(byte) 0x80, 0x3F, 0x00, (byte) 0xC0}; // 1.0, -2.0
        byte[] f64 = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putDouble(-0.25).array();
        Path file = new SafetensorsTestFile()
                .add("u8", "U8", new long[] {3}, new byte[] {1, 2, 3})
                .add("bf16", "BF16", new long[] {2}, bf16)
                .add("f64", "F64", new long[] {1}, f64)
                .write(dir.resolve("unaligned.safetensors"));
        try (TensorContainer c = new SafetensorsReader().open(file)) {
            float[] out = new float[2];
            c.tensors().get(1).read(0, out, 0, 2);
            assertArrayEquals(new float[] {1f, -2f}, out);
            c.tensors().get(2).read(0, out, 0, 1);
            assertEquals(-0.25f, out[0]);
        }
    }

    @Test
    void filesPastTwoGigabytesReadAtLongOffsets(@TempDir Path dir) throws IOException {
        // A sparse 3 GB file: a U8 tensor spanning the first 2.6 GB of data, then an F32 tensor.
        long big = 2_600_000_000L;
        String header = "{\"big\":{\"dtype\":\"U8\",\"shape\":[" + big + "],\"data_offsets\":[0," + big + "]},"
                + "\"far\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[" + big + "," + (big + 8) + "]}}";
        byte[] start = SafetensorsTestFile.raw(header, new byte[0]);
        long dataStart = start.length;
        Path file = dir.resolve("sparse.safetensors");
        try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.SPARSE)) {
            ch.write(java.nio.ByteBuffer.wrap(start));
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {42}), dataStart + big - 1);
            ch.write(java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-3f).flip(),
                    dataStart + big);
        }
        try (TensorContainer c = new SafetensorsReader().open(file)) {
            float[] out = new float[2];
            c.tensors().get(0).read(big - 2, out, 0, 2);
            assertArrayEquals(new float[] {0f, 42f}, out);
            c.tensors().get(1).read(0, out, 0, 2);
            assertArrayEquals(new float[] {1.5f, -3f}, out);
            assertEquals(big, c.tensors().get(0).byteSize());
        }
    }

    @Test
    void readingAfterCloseFails() {
        TensorContainer c = new SafetensorsReader().open(resource("dtypes.safetensors"));
        StoredTensor t = c.tensors().get(0);
        c.close();
        c.close();
        assertThrows(IllegalStateException.class, () -> t.read(0, new float[1], 0, 1));
    }

    private static void checkAgainstExpected(Path file, Path expectedJson, int tensorCount) throws IOException {
        JsonNode expected = JSON.readTree(expectedJson.toFile());
        try (TensorContainer c = new SafetensorsReader().open(file)) {
            assertEquals(ModelFormat.SAFETENSORS, c.format());
            assertEquals(tensorCount, c.tensors().size());
            for (Map.Entry<String, JsonNode> m : expected.get("metadata").properties()) {
                Object actual = c.metadata().get(m.getKey());
                assertEquals(m.getValue().isNumber() ? (Object) m.getValue().longValue() : m.getValue().textValue(), actual, m.getKey());
            }
            for (StoredTensor t : c.tensors()) {
                JsonNode e = expected.get("tensors").get(t.name());
                assertEquals(e.get("dtype").textValue(), t.dtype(), t.name());
                long[] shape = new long[e.get("shape").size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = e.get("shape").get(i).longValue();
                }
                assertArrayEquals(shape, t.shape(), t.name());
                JsonNode bits = e.get("float32_bits");
                assertEquals(bits.size(), t.elementCount(), t.name());
                float[] values = new float[bits.size()];
                t.read(0, values, 0, values.length);
                for (int i = 0; i < values.length; i++) {
                    float want = Float.intBitsToFloat(bits.get(i).intValue());
                    if (Float.isNaN(want)) {
                        assertTrue(Float.isNaN(values[i]), t.name() + "[" + i + "] should be NaN");
                    } else {
                        assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(values[i]),
                                t.name() + "[" + i + "]: want " + want + ", got " + values[i]);
                    }
                }
            }
        }
    }
}
