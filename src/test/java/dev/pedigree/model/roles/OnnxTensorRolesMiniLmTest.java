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
import org.junit.jupiter.api.Test;

/** Roles, orientation and values of the real all-MiniLM-L6-v2 exports, fp32 and int8 dynamic. */
class OnnxTensorRolesMiniLmTest {
    private static final List<Role> BLOCK_ROLES = List.of(Role.Q, Role.K, Role.V, Role.O, Role.UP, Role.DOWN, Role.ATTN_NORM, Role.MLP_NORM);

    private static TensorStore open(String resource) throws Exception {
        Path file = JarModels.extract(resource);
        TensorContainer c = new OnnxReader().open(file);
        return new TensorStore(c, new OnnxTensorRoles().map(c, OnnxArchitecture.from(c)));
    }

    @Test
    void fp32RolesCoverEveryBlockInHfOrientation() throws Exception {
        try (TensorStore store = open(JarModels.MINILM)) {
            assertRoles(store);
            assertEquals("FLOAT", store.find(Role.Q, 0).orElseThrow().dtype());
        }
    }

    @Test
    void int8RolesCoverEveryBlockAndAreDequantised() throws Exception {
        try (TensorStore store = open(JarModels.MINILM_Q)) {
            assertRoles(store);
            assertEquals("INT8(dynamic)", store.find(Role.Q, 0).orElseThrow().dtype());
            assertEquals("UINT8(dynamic)", store.find(Role.EMBEDDING, -1).orElseThrow().dtype());
            // Scales and zero points are folded into their weights, not listed.
            assertTrue(store.tensors().stream().noneMatch(t -> t.name().endsWith("_scale") || t.name().endsWith("_zero_point")));
        }
    }

    private static void assertRoles(TensorStore store) {
        assertEquals(6, store.layerCount());
        for (int layer = 0; layer < 6; layer++) {
            for (Role role : BLOCK_ROLES) {
                TensorInfo t = store.find(role, layer).orElseThrow(() -> new AssertionError("missing " + role));
                long[] expected = switch (role) {
                    case UP -> new long[] {1536, 384};
                    case DOWN -> new long[] {384, 1536};
                    case ATTN_NORM, MLP_NORM -> new long[] {384};
                    default -> new long[] {384, 384};
                };
                assertArrayEquals(expected, t.shape(), role + " layer " + layer);
            }
            int l = layer;
            long biases = store.tensors().stream().filter(t -> t.role().layer() == l && t.role().bias()).count();
            assertEquals(8, biases, "q k v o up down biases + two norm biases in layer " + layer);
        }
        assertArrayEquals(new long[] {30522, 384}, store.find(Role.EMBEDDING, -1).orElseThrow().shape());
        assertArrayEquals(new long[] {512, 384}, store.find(Role.POSITION_EMBEDDING, -1).orElseThrow().shape());
        assertArrayEquals(new long[] {2, 384}, store.find(Role.TOKEN_TYPE_EMBEDDING, -1).orElseThrow().shape());
        assertArrayEquals(new long[] {384}, store.find(Role.EMBEDDING_NORM, -1).orElseThrow().shape());
    }

    @Test
    void valuesMatchOnnxNumpyReference() throws Exception {
        // Reference: onnx.numpy_helper.to_array on the same files (experiments/fixtures/minilm_reference.py):
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

    @Test
    void everyInt8MatrixAgreesWithItsFp32Twin() throws Exception {
        try (TensorStore fp32 = open(JarModels.MINILM); TensorStore q = open(JarModels.MINILM_Q)) {
            int compared = 0;
            for (TensorInfo t : q.tensors()) {
                if (!t.dtype().endsWith("(dynamic)")) {
                    continue;
                }
                TensorInfo twin = fp32.find(t.role().role(), t.role().layer()).orElseThrow(() -> new AssertionError("no twin for " + t));
                assertArrayEquals(twin.shape(), t.shape(), t.toString());
                double cos = cosine(fp32.read(twin), q.read(t));
                if (t.role().role() == Role.POSITION_EMBEDDING) {
                    // One uint8 scale for the whole 512-row table loses more: numpy gives the same
                    // cosine, 0.9854932041464768 (experiments/fixtures/minilm_reference.py).
                    assertEquals(0.9854932041464768, cos, 1e-6, t.toString());
                } else {
                    assertTrue(cos >= 0.999, t + " cosine " + cos);
                }
                compared++;
            }
            assertEquals(6 * 6 + 3, compared, "36 block matrices and 3 embedding tables are int8");
        }
    }

    @Test
    void architectureFromGraph() throws Exception {
        for (String resource : List.of(JarModels.MINILM, JarModels.MINILM_Q)) {
            try (TensorContainer c = new OnnxReader().open(JarModels.extract(resource))) {
                ArchitectureSpec a = OnnxArchitecture.from(c);
                assertEquals("onnx-graph", a.source());
                assertEquals(384, a.hiddenSize());
                assertEquals(6, a.numLayers());
                assertEquals(30522, a.vocabSize());
                assertEquals(12, a.numHeads());
                assertEquals(12, a.numKvHeads());
                assertEquals(32, a.headDim());
                assertEquals(1536, a.intermediateSize());
                assertEquals(512, a.maxPositionEmbeddings());
                assertEquals("bert", a.modelType());
            }
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
