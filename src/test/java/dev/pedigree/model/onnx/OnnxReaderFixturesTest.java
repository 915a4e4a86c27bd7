package dev.pedigree.model.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pedigree.model.StoredTensor;
import dev.pedigree.model.TensorContainer;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Values decoded from the synthetic fixtures agree with onnx.numpy_helper's (stored beside each file). */
class OnnxReaderFixturesTest {

    @ParameterizedTest
    @ValueSource(strings = {"raw_vs_float_data", "narrow_types", "constant_weights", "external_data", "dynamic_per_channel", "qdq", "gpt2_block", "matmul_nbits"})
    void valuesMatchReference(String fixture) throws Exception {
        JsonNode expected = OnnxFixtures.expected(fixture);
        try (TensorContainer c = new OnnxReader().open(OnnxFixtures.file(fixture + ".onnx"))) {
            Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = e.getKey();
                StoredTensor t = tensor(c, name).orElseThrow(() -> new AssertionError(fixture + ": no tensor " + name));
                JsonNode ex = e.getValue();
                long[] shape = new long[ex.get("shape").size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = ex.get("shape").get(i).asLong();
                }
                assertArrayEquals(shape, t.shape(), name);
                assertEquals(ex.get("dtype").asText(), t.dtype(), name);
                float[] values = new float[(int) t.elementCount()];
                t.read(0, values, 0, values.length);
                for (int i = 0; i < values.length; i++) {
                    double want = ex.get("values").get(i).asDouble();
                    assertEquals(want, values[i], 1e-6 * Math.max(1, Math.abs(want)), name + "[" + i + "]");
                }
                // A range in the middle decodes the same as the whole (only the asked bytes are read).
                if (values.length > 3) {
                    float[] part = new float[2];
                    t.read(1, part, 0, 2);
                    assertEquals(values[1], part[0]);
                    assertEquals(values[2], part[1]);
                }
            }
        }
    }

    @Test
    void rawAndTypedDataAndGraphUse() {
        try (TensorContainer c = open("raw_vs_float_data")) {
            StoredTensor raw = tensor(c, "w_raw").orElseThrow();
            assertEquals("/layers.0/mlp/up_proj/MatMul", raw.graphPath());
            assertTrue(raw.storedInputMajor());
            StoredTensor bias = tensor(c, "b_double").orElseThrow();
            assertEquals("/second/Add", bias.graphPath(), "followed through the Cast to the Add");
            assertFalse(bias.storedInputMajor());
            assertEquals("pedigree-fixtures", c.metadata().get("onnx.producer_name"));
            assertEquals(17L, c.metadata().get("onnx.opset.ai.onnx"));
            assertEquals(java.util.List.of("x:FLOAT[1,4]"), c.metadata().get("onnx.inputs"));
            assertEquals(java.util.List.of("y:FLOAT[1,3]", "h:FLOAT[1,3]"), c.metadata().get("onnx.outputs"));
        }
    }

    @Test
    void constantNodeWeightsAreListedButShapeConstantsAreNot() {
        try (TensorContainer c = open("constant_weights")) {
            assertEquals(1, c.tensors().size(), c.tensors().toString());
            StoredTensor w = c.tensors().getFirst();
            assertEquals("/model/layers.0/self_attn/q_proj/MatMul", w.graphPath());
            assertTrue(w.storedInputMajor());
        }
    }

    @Test
    void quantisedPartsAreFoldedIntoOneTensor() {
        try (TensorContainer c = open("dynamic_per_channel")) {
            assertEquals(4, c.tensors().size(), c.tensors().toString());
            for (StoredTensor t : c.tensors()) {
                assertEquals("INT8(dynamic)", t.dtype());
                assertTrue(t.graphPath().startsWith("/model/layers.0/"), t.graphPath());
                assertTrue(t.storedInputMajor());
                // quantised bytes + one float scale and one int8 zero point per output channel
                assertEquals(t.elementCount() + t.shape()[1] * 5, t.byteSize());
            }
        }
    }

    @Test
    void dynamicPerChannelStaysCloseToTheFloatWeights() throws Exception {
        JsonNode expected = OnnxFixtures.expected("dynamic_per_channel");
        try (TensorContainer c = open("dynamic_per_channel")) {
            for (StoredTensor t : c.tensors()) {
                float[] values = new float[(int) t.elementCount()];
                t.read(0, values, 0, values.length);
                JsonNode original = expected.get(t.name()).get("float_original");
                double dot = 0;
                double na = 0;
                double nb = 0;
                for (int i = 0; i < values.length; i++) {
                    double o = original.get(i).asDouble();
                    dot += o * values[i];
                    na += o * o;
                    nb += (double) values[i] * values[i];
                }
                assertTrue(dot / Math.sqrt(na * nb) > 0.999, t.name());
            }
        }
    }

    @Test
    void qdqOrientationFollowsTransposeAndGemm() {
        try (TensorContainer c = open("qdq")) {
            assertEquals(2, c.tensors().size(), c.tensors().toString());
            StoredTensor w1 = tensor(c, "w1_q").orElseThrow();
            assertEquals("/encoder/layer.0/attention/self/query/MatMul", w1.graphPath());
            assertTrue(w1.storedInputMajor());
            StoredTensor w2 = tensor(c, "w2_q").orElseThrow();
            assertEquals("/encoder/layer.0/intermediate/dense/Gemm", w2.graphPath());
            assertTrue(w2.storedInputMajor(), "[in,out] stored, transposed once, Gemm transB=1 wants [out,in]");
        }
    }

    @Test
    void matMulNBitsBlocksAreOneRowMajorTensor() {
        try (TensorContainer c = open("matmul_nbits")) {
            assertEquals(1, c.tensors().size(), c.tensors().toString());
            StoredTensor w = c.tensors().getFirst();
            assertEquals("onnx::MatMul_7", w.name());
            assertEquals("/model/layers.0/self_attn/q_proj/MatMul_Q4", w.graphPath());
            assertFalse(w.storedInputMajor(), "MatMulNBits keeps B as [N, K] = [out, in]");
            assertEquals(8 * 3 * 8 + 8 * 3 * 4 + 8 * 2, w.byteSize());
        }
    }

    private static TensorContainer open(String fixture) {
        return new OnnxReader().open(OnnxFixtures.file(fixture + ".onnx"));
    }

    static Optional<StoredTensor> tensor(TensorContainer c, String name) {
        return c.tensors().stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
