package dev.pedigree.model.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.TensorContainer;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.TensorStore;
import dev.pedigree.model.hf.HfConfig;
import dev.pedigree.model.safetensors.SafetensorsReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tiny random models saved by transformers itself ({@code experiments/fixtures/make_fused_qkv_fixtures.py}):
 * the q/k/v (and Phi-3 gate/up) views of each fused projection must equal, bit for bit, the matrices
 * transformers' own split code produced from the same weights.
 */
class FusedSplitReferenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gpt2", "gpt_neox", "phi3", "bloom", "falcon_multi_query", "falcon_grouped", "falcon_per_head"})
    void splitsMatchTransformers(String model) throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("/safetensors/fused/" + model).toURI());
        ArchitectureSpec arch = HfConfig.read(dir.resolve("config.json"));
        JsonNode expected = JSON.readTree(dir.resolve("expected.json").toFile());
        TensorContainer container = new SafetensorsReader().open(dir.resolve("model.safetensors"));
        try (TensorStore store = new TensorStore(container, new HfTensorRoles().map(container, arch))) {
            int compared = 0;
            for (Map.Entry<String, JsonNode> e : expected.properties()) {
                TensorInfo t = store.byName(e.getKey()).orElseThrow(() -> new AssertionError("no view " + e.getKey()));
                float[] values = store.read(t);
                assertEquals(e.getValue().size(), values.length, e.getKey());
                for (int i = 0; i < values.length; i++) {
                    assertEquals(e.getValue().get(i).intValue(), Float.floatToRawIntBits(values[i]), e.getKey() + "[" + i + "]");
                }
                compared++;
            }
            assertTrue(compared >= 3);
        }
    }
}
