package dev.pedigree.model.roles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.Role;
import dev.pedigree.model.TensorContainer;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.TensorRole;
import dev.pedigree.model.TensorStore;
import dev.pedigree.model.onnx.OnnxArchitecture;
import dev.pedigree.model.onnx.OnnxFixtures;
import dev.pedigree.model.onnx.OnnxReader;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * torch.onnx exports of tiny random Llama (GQA) and GPT-2 models: every HF tensor is found by role and
 * layer, in HF orientation, with the values of the HF state dict (first values, sum, sum of squares).
 */
class OnnxTensorRolesTorchExportTest {

    @ParameterizedTest
    @ValueSource(strings = {"tiny_llama", "tiny_gpt2"})
    void everyHfTensorIsFoundWithItsValues(String fixture) throws Exception {
        JsonNode expected = OnnxFixtures.expected(fixture);
        TensorContainer c = new OnnxReader().open(OnnxFixtures.file(fixture + ".onnx"));
        ArchitectureSpec arch = OnnxArchitecture.from(c);
        try (TensorStore store = new TensorStore(c, new OnnxTensorRoles().map(c, arch))) {
            Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode ex = e.getValue();
                Role role = Role.valueOf(ex.get("role").asText().toUpperCase(Locale.ROOT));
                TensorRole wanted = new TensorRole(role, ex.get("layer").asInt(), ex.get("bias").asBoolean());
                TensorInfo t = store.tensors().stream().filter(i -> i.role().equals(wanted)).findFirst()
                        .orElseThrow(() -> new AssertionError(fixture + ": no tensor for " + e.getKey() + " (" + wanted + ")"));
                long[] shape = new long[ex.get("shape").size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = ex.get("shape").get(i).asLong();
                }
                assertArrayEquals(shape, t.shape(), e.getKey());
                float[] v = store.read(t);
                for (int i = 0; i < ex.get("first").size(); i++) {
                    assertEquals(ex.get("first").get(i).asDouble(), v[i], 1e-6, e.getKey() + "[" + i + "]");
                }
                double sum = 0;
                double squares = 0;
                for (float x : v) {
                    sum += x;
                    squares += (double) x * x;
                }
                assertEquals(ex.get("sum").asDouble(), sum, 1e-4, e.getKey() + " sum");
                assertEquals(ex.get("sum_squares").asDouble(), squares, 1e-5 * ex.get("sum_squares").asDouble(), e.getKey());
            }
            assertEquals(2, arch.numLayers());
            assertEquals(16, arch.hiddenSize());
            assertEquals(64, arch.vocabSize());
            assertEquals(4, arch.numHeads());
            assertEquals(fixture.equals("tiny_llama") ? 2 : 4, arch.numKvHeads());
            assertEquals(fixture.equals("tiny_llama") ? 40 : 64, arch.intermediateSize());
            assertEquals(fixture.equals("tiny_llama") ? null : "gpt2", arch.modelType());
        }
    }
}
