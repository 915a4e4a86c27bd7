package dev.pedigree.model.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.model.ModelFormat;
import dev.pedigree.model.ModelFormatException;
import dev.pedigree.model.StoredTensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufReaderTest {
    private final GgufReader reader = new GgufReader();

    @Test
    void decodesEveryTypeExactlyAsGgufPyDoes() throws Exception {
        Map<String, GgufFixtures.Expected> expected = GgufFixtures.expected("quants");
        try (GgufFile gguf = reader.open(GgufFixtures.path("quants.gguf"))) {
            assertEquals(expected.keySet().stream().toList(), gguf.tensors().stream().map(StoredTensor::name).toList());
            for (StoredTensor t : gguf.tensors()) {
                GgufFixtures.Expected e = expected.get(t.name());
                assertEquals(e.type(), t.dtype(), t.name());
                assertArrayEquals(e.shape(), t.shape(), t.name());
                float[] got = new float[(int) t.elementCount()];
                t.read(0, got, 0, got.length);
                for (int i = 0; i < got.length; i++) {
                    // bit-exact: the decoders do gguf-py's float32 operations in its order
                    assertEquals(Float.floatToIntBits(e.values()[i]), Float.floatToIntBits(got[i]),
                            () -> t.name() + " differs from gguf-py");
                }
            }
        }
    }

    @Test
    void coversTheTypesTheIssueNames() throws Exception {
        try (GgufFile gguf = reader.open(GgufFixtures.path("quants.gguf"))) {
            List<String> types = gguf.tensors().stream().map(StoredTensor::dtype).toList();
            for (String t : List.of("F32", "F16", "BF16", "Q8_0", "Q4_0", "Q4_1", "Q5_0", "Q5_1", "Q4_K", "Q5_K", "Q6_K", "Q2_K", "Q3_K")) {
                assertTrue(types.contains(t), t);
            }
        }
    }

    @Test
    void rangeReadsMatchTheWholeTensorAcrossBlockBoundaries() throws Exception {
        Random random = new Random(7);
        try (GgufFile gguf = reader.open(GgufFixtures.path("quants.gguf"))) {
            for (StoredTensor t : gguf.tensors()) {
                int n = (int) t.elementCount();
                float[] all = new float[n];
                t.read(0, all, 0, n);
                for (int k = 0; k < 50; k++) {
                    int first = random.nextInt(n);
                    int count = random.nextInt(n - first + 1);
                    float[] part = new float[count + 3];
                    t.read(first, part, 3, count);
                    for (int i = 0; i < count; i++) {
                        assertEquals(all[first + i], part[3 + i], t.name() + " [" + first + "+" + i + "]");
                    }
                }
            }
        }
    }

    @Test
    void readsHeaderFactsAndAlignment() {
        try (GgufFile gguf = reader.open(GgufFixtures.path("quants.gguf"))) {
            assertEquals(ModelFormat.GGUF, gguf.format());
            assertEquals(3, gguf.version());
            assertEquals(64, gguf.alignment());
            assertEquals(0, gguf.dataOffset() % 64);
            assertEquals("pedigree-quant-test", gguf.metadata().get("general.architecture"));
            StoredTensor q4k = gguf.tensors().stream().filter(t -> t.dtype().equals("Q4_K")).findFirst().orElseThrow();
            assertEquals(4 * 144, q4k.byteSize());
        }
    }

    @Test
    void readsEveryMetadataValueType() {
        try (GgufFile gguf = reader.open(GgufFixtures.path("tiny-llama.gguf"))) {
            Map<String, Object> m = gguf.metadata();
            assertEquals(200L, m.get("pedigree.fixture.u8"));
            assertEquals(-100L, m.get("pedigree.fixture.i8"));
            assertEquals(60000L, m.get("pedigree.fixture.u16"));
            assertEquals(-30000L, m.get("pedigree.fixture.i16"));
            assertEquals(-2000000000L, m.get("pedigree.fixture.i32"));
            assertEquals(1L << 40, m.get("pedigree.fixture.u64"));
            assertEquals(-(1L << 40), m.get("pedigree.fixture.i64"));
            assertEquals(0.1, m.get("pedigree.fixture.f64"));
            assertEquals(Boolean.TRUE, m.get("pedigree.fixture.bool"));
            assertEquals(32L, m.get("llama.embedding_length"));
            assertEquals((double) 500000.0f, m.get("llama.rope.freq_base"));
            assertEquals((double) 1e-5f, m.get("llama.attention.layer_norm_rms_epsilon"));
            assertEquals(List.of(List.of(1L, 2L), List.of(3L)), m.get("pedigree.fixture.nested"));
            List<?> tokens = (List<?>) m.get("tokenizer.ggml.tokens");
            assertEquals(32, tokens.size());
            assertEquals("<unk>", tokens.get(0));
            assertEquals("tok0", tokens.get(3));
            assertEquals("tok17", tokens.get(20));
            assertEquals("日本", tokens.get(30));
            assertEquals("▁the", tokens.get(31));
            assertEquals(List.of("t o", "to k", "▁ t", "h e"), m.get("tokenizer.ggml.merges"));
            List<?> scores = (List<?>) m.get("tokenizer.ggml.scores");
            assertEquals(-5.0, scores.get(5));
            assertEquals(3L, ((List<?>) m.get("tokenizer.ggml.token_type")).get(1));
        }
    }

    @Test
    void acceptsVersion2(@TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(GgufFixtures.path("quants.gguf"));
        bytes[4] = 2;
        Path v2 = Files.write(dir.resolve("v2.gguf"), bytes);
        try (GgufFile gguf = reader.open(v2)) {
            assertEquals(2, gguf.version());
            assertFalse(gguf.tensors().isEmpty());
        }
    }

    @Test
    void listsButRefusesToDecodeAnUnsupportedType(@TempDir Path dir) throws Exception {
        Path file = new GgufBytes().tensor("experts", GgmlType.IQ2_XXS, 2L, 256L).write(dir.resolve("iq.gguf"));
        try (GgufFile gguf = reader.open(file)) {
            StoredTensor t = gguf.tensors().getFirst();
            assertEquals("IQ2_XXS", t.dtype());
            assertArrayEquals(new long[] {2, 256}, t.shape());
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> t.read(0, new float[1], 0, 1));
            assertTrue(e.getMessage().contains("IQ2_XXS") && e.getMessage().contains(file.toString()), e.getMessage());
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        GgufFile gguf = reader.open(GgufFixtures.path("quants.gguf"));
        gguf.close();
        gguf.close();
    }
}
