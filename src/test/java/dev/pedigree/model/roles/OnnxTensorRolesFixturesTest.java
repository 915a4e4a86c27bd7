package dev.pedigree.model.roles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pedigree.model.Role;
import dev.pedigree.model.TensorContainer;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.TensorRole;
import dev.pedigree.model.TensorStore;
import dev.pedigree.model.onnx.OnnxArchitecture;
import dev.pedigree.model.onnx.OnnxFixtures;
import dev.pedigree.model.onnx.OnnxReader;
import org.junit.jupiter.api.Test;

/** Roles of decoder-style, QDQ and GPT-2 exports built by experiments/fixtures/make_onnx_fixtures.py. */
class OnnxTensorRolesFixturesTest {

    private static TensorStore open(String fixture) {
        TensorContainer c = new OnnxReader().open(OnnxFixtures.file(fixture + ".onnx"));
        return new TensorStore(c, new OnnxTensorRoles().map(c, OnnxArchitecture.from(c)));
    }

    @Test
    void decoderModulePathsOfDynamicQuantisedWeights() {
        try (TensorStore s = open("dynamic_per_channel")) {
            assertArrayEquals(new long[] {16, 16}, s.find(Role.Q, 0).orElseThrow().shape());
            assertArrayEquals(new long[] {16, 16}, s.find(Role.K, 0).orElseThrow().shape());
            assertArrayEquals(new long[] {32, 16}, s.find(Role.GATE, 0).orElseThrow().shape(), "stored [16,32], read [out,in]");
            assertArrayEquals(new long[] {16, 32}, s.find(Role.DOWN, 0).orElseThrow().shape());
        }
    }

    @Test
    void transposedReadIsTheStoredMatrixTransposed() throws Exception {
        var expected = OnnxFixtures.expected("dynamic_per_channel").get("onnx::MatMul_102").get("values");
        try (TensorStore s = open("dynamic_per_channel")) {
            TensorInfo gate = s.find(Role.GATE, 0).orElseThrow();
            float[] w = s.read(gate);
            for (int out = 0; out < 32; out++) {
                for (int in = 0; in < 16; in++) {
                    assertEquals(expected.get(in * 32 + out).asDouble(), w[out * 16 + in], 1e-6);
                }
            }
        }
    }

    @Test
    void constantNodeWeightAndExternalData() {
        try (TensorStore s = open("constant_weights")) {
            assertArrayEquals(new long[] {5, 3}, s.find(Role.Q, 0).orElseThrow().shape());
        }
        try (TensorStore s = open("external_data")) {
            assertArrayEquals(new long[] {10, 6}, s.find(Role.EMBEDDING, -1).orElseThrow().shape());
            assertArrayEquals(new long[] {4, 6}, s.find(Role.DOWN, 0).orElseThrow().shape());
        }
    }

    @Test
    void qdqWeightsThroughMatMulAndGemm() {
        try (TensorStore s = open("qdq")) {
            assertArrayEquals(new long[] {4, 6}, s.find(Role.Q, 0).orElseThrow().shape());
            assertArrayEquals(new long[] {5, 4}, s.find(Role.UP, 0).orElseThrow().shape());
        }
    }

    @Test
    void matMulNBitsWeightIsTheQueryAlreadyOutByIn() {
        try (TensorStore s = open("matmul_nbits")) {
            assertArrayEquals(new long[] {8, 40}, s.find(Role.Q, 0).orElseThrow().shape());
        }
    }

    @Test
    void gpt2FusedQkvIsSplitWithItsBias() throws Exception {
        var weight = OnnxFixtures.expected("gpt2_block").get("onnx::Gemm_21").get("values");
        var bias = OnnxFixtures.expected("gpt2_block").get("transformer.h.0.attn.c_attn.bias").get("values");
        try (TensorStore s = open("gpt2_block")) {
            Role[] roles = {Role.Q, Role.K, Role.V};
            for (int p = 0; p < 3; p++) {
                TensorInfo t = s.find(roles[p], 0).orElseThrow();
                assertArrayEquals(new long[] {4, 4}, t.shape());
                float[] w = s.read(t);
                for (int out = 0; out < 4; out++) {
                    for (int in = 0; in < 4; in++) {
                        // stored [in, 3h]: HF row (p*4+out) is stored column p*4+out
                        assertEquals(weight.get(in * 12 + p * 4 + out).asDouble(), w[out * 4 + in], 1e-6);
                    }
                }
                TensorRole biasRole = TensorRole.layer(roles[p], 0).asBias();
                TensorInfo b = s.tensors().stream().filter(i -> i.role().equals(biasRole)).findFirst().orElseThrow();
                float[] bv = s.read(b);
                for (int i = 0; i < 4; i++) {
                    assertEquals(bias.get(p * 4 + i).asDouble(), bv[i], 1e-6);
                }
            }
            assertArrayEquals(new long[] {4}, s.find(Role.ATTN_NORM, 0).orElseThrow().shape());
            assertArrayEquals(new long[] {7, 4}, s.find(Role.EMBEDDING, -1).orElseThrow().shape());
            assertEquals("gpt2", OnnxArchitecture.from(s.container()).modelType());
        }
    }
}
