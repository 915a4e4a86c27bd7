package dev.pedigree.model.roles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.Role;
import dev.pedigree.model.TensorContainer;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.TensorStore;
import dev.pedigree.model.onnx.JarModels;
import dev.pedigree.model.onnx.OnnxArchitecture;
import dev.pedigree.model.onnx.OnnxReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Roles, orientation, architecture and values of real encoder exports, fp32 and onnxruntime's
 * dynamic int8 of it: all-MiniLM-L6-v2 (6 x 384, 12 heads) and bge-small-zh (4 x 512, 8 heads).
 */
class OnnxTensorRolesRealModelsTest {
    private static final List<Role> BLOCK_ROLES = List.of(Role.Q, Role.K, Role.V, Role.O, Role.UP, Role.DOWN, Role.POST_ATTN_NORM, Role.POST_MLP_NORM);

    /**
     * A pair of real exports with what their configs say, and the cosines numpy gives between the fp32
     * and de-quantised int8 embedding tables (experiments/fixtures/real_encoder_reference.py): those use
     * one scale per table, so they lose more than the per-channel block matrices.
     */
    record Pair(String fp32, String int8, int layers, int hidden, int intermediate, int vocab, int heads,
                Map<Role, Double> embeddingCosines) {
        @Override
        public String toString() {
            return fp32;
        }
    }

    static Stream<Pair> pairs() {
        return Stream.of(
                new Pair(JarModels.MINILM, JarModels.MINILM_Q, 6, 384, 1536, 30522, 12, Map.of(
                        Role.EMBEDDING, 0.9990886661560876, Role.POSITION_EMBEDDING, 0.9854932041464768,
                        Role.TOKEN_TYPE_EMBEDDING, 0.9994052993174055)),
                new Pair(JarModels.BGE_SMALL_ZH, JarModels.BGE_SMALL_ZH_Q, 4, 512, 2048, 21128, 8, Map.of(
                        Role.EMBEDDING, 0.9986304653481856, Role.POSITION_EMBEDDING, 0.9997594138715065,
                        Role.TOKEN_TYPE_EMBEDDING, 0.9977863172639434)));
    }

    private static TensorStore open(String resource) throws Exception {
        Path file = JarModels.extract(resource);
        TensorContainer c = new OnnxReader().open(file);
        return new TensorStore(c, new OnnxTensorRoles().map(c, OnnxArchitecture.from(c)));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void rolesCoverEveryBlockInHfOrientation(Pair pair) throws Exception {
        try (TensorStore fp32 = open(pair.fp32()); TensorStore int8 = open(pair.int8())) {
            assertRoles(fp32, pair);
            assertRoles(int8, pair);
            assertEquals("FLOAT", fp32.find(Role.Q, 0).orElseThrow().dtype());
            assertEquals("INT8(dynamic)", int8.find(Role.Q, 0).orElseThrow().dtype());
            assertEquals("UINT8(dynamic)", int8.find(Role.EMBEDDING, -1).orElseThrow().dtype());
            // Scales and zero points are folded into their weights, not listed.
            assertTrue(int8.tensors().stream().noneMatch(t -> t.name().endsWith("_scale") || t.name().endsWith("_zero_point")));
        }
    }

    private static void assertRoles(TensorStore store, Pair pair) {
        long h = pair.hidden();
        long i = pair.intermediate();
        assertEquals(pair.layers(), store.layerCount());
        for (int layer = 0; layer < pair.layers(); layer++) {
            for (Role role : BLOCK_ROLES) {
                TensorInfo t = store.find(role, layer).orElseThrow(() -> new AssertionError("missing " + role));
                long[] expected = switch (role) {
                    case UP -> new long[] {i, h};
                    case DOWN -> new long[] {h, i};
                    case POST_ATTN_NORM, POST_MLP_NORM -> new long[] {h};
                    default -> new long[] {h, h};
                };
                assertArrayEquals(expected, t.shape(), role + " layer " + layer);
            }
            int l = layer;
            long biases = store.tensors().stream().filter(t -> t.role().layer() == l && t.role().bias()).count();
            assertEquals(8, biases, "q k v o up down biases + two norm biases in layer " + layer);
        }
        assertArrayEquals(new long[] {pair.vocab(), h}, store.find(Role.EMBEDDING, -1).orElseThrow().shape());
        assertArrayEquals(new long[] {512, h}, store.find(Role.POSITION_EMBEDDING, -1).orElseThrow().shape());
        assertArrayEquals(new long[] {2, h}, store.find(Role.TOKEN_TYPE_EMBEDDING, -1).orElseThrow().shape());
        assertArrayEquals(new long[] {h}, store.find(Role.EMBEDDING_NORM, -1).orElseThrow().shape());
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void everyInt8MatrixAgreesWithItsFp32Twin(Pair pair) throws Exception {
        try (TensorStore fp32 = open(pair.fp32()); TensorStore q = open(pair.int8())) {
            int compared = 0;
            for (TensorInfo t : q.tensors()) {
                if (!t.dtype().endsWith("(dynamic)")) {
                    continue;
                }
                TensorInfo twin = fp32.find(t.role().role(), t.role().layer()).orElseThrow(() -> new AssertionError("no twin for " + t));
                assertArrayEquals(twin.shape(), t.shape(), t.toString());
                double cos = cosine(fp32.read(twin), q.read(t));
                Double reference = pair.embeddingCosines().get(t.role().role());
                if (reference != null) {
                    assertEquals(reference, cos, 1e-6, t.toString());
                } else {
                    assertTrue(cos >= 0.999, t + " cosine " + cos);
                }
                compared++;
            }
            assertEquals(pair.layers() * 6 + 3, compared, "six block matrices per layer and three embedding tables are int8");
        }
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void architectureFromGraph(Pair pair) throws Exception {
        for (String resource : List.of(pair.fp32(), pair.int8())) {
            try (TensorContainer c = new OnnxReader().open(JarModels.extract(resource))) {
                ArchitectureSpec a = OnnxArchitecture.from(c);
                assertEquals("onnx-graph", a.source());
                assertEquals(pair.hidden(), a.hiddenSize());
                assertEquals(pair.layers(), a.numLayers());
                assertEquals(pair.vocab(), a.vocabSize());
                assertEquals(pair.heads(), a.numHeads());
                assertEquals(pair.heads(), a.numKvHeads());
                assertEquals(pair.hidden() / pair.heads(), a.headDim());
                assertEquals(pair.intermediate(), a.intermediateSize());
                assertEquals(512, a.maxPositionEmbeddings());
                assertEquals("bert", a.modelType());
            }
        }
    }

    @Test
    void valuesMatchOnnxNumpyReference() throws Exception {
        // Reference: onnx.numpy_helper.to_array on the same files (experiments/fixtures/real_encoder_reference.py):
        // fp32 onnx::MatMul_885.T[0,:3], [5,7]; q: ((q - zp) * scale).T of onnx::MatMul_787; word embedding row 101.
        try (TensorStore fp32 = open(JarModels.MINILM); TensorStore q = open(JarModels.MINILM_Q)) {
            float[] w = fp32.readRows(fp32.find(Role.Q, 0).orElseThrow(), 0, 6);
            assertEquals(-0.1486196219921112, w[0], 1e-7);
            assertEquals(0.043580375611782074, w[1], 1e-7);
            assertEquals(0.08559577912092209, w[2], 1e-7);
            assertEquals(-0.01174607127904892, w[5 * 384 + 7], 1e-7);
            float[] d = q.readRows(q.find(Role.Q, 0).orElseThrow(), 0, 6);
            assertEquals(-0.14740535616874695, d[0], 1e-7);
            assertEquals(0.04535549134016037, d[1], 1e-7);
            assertEquals(0.08693136274814606, d[2], 1e-7);
            assertEquals(-0.012426760978996754, d[5 * 384 + 7], 1e-7);
            float[] e = q.readRows(q.find(Role.EMBEDDING, -1).orElseThrow(), 101, 1);
            assertEquals(-0.016461176797747612, e[0], 1e-7);
            assertEquals(-0.008230588398873806, e[1], 1e-7);
            assertEquals(0.04938352853059769, e[2], 1e-7);
        }
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
