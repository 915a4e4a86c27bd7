package dev.pedigree.model.open;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.ModelFormat;
import dev.pedigree.model.ModelReader;
import dev.pedigree.model.Role;
import dev.pedigree.model.StoredTensor;
import dev.pedigree.model.TensorContainer;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.TensorRole;
import dev.pedigree.model.TensorView;
import dev.pedigree.model.roles.TensorRoles;
import dev.pedigree.model.source.ModelLocator;
import dev.pedigree.model.source.SourceEnvironment;
import dev.pedigree.report.InspectJsonRenderer;
import dev.pedigree.report.InspectReport;
import dev.pedigree.report.InspectTableRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The path after the reader (architecture, roles, lineage, digest, report, renderers) over an
 * in-memory container, so it is tested independently of the readers.
 */
class ModelOpenerTest {
    @TempDir
    Path tmp;

    /** Wiring with a fake reader: a two-layer model, roles taken from names {@code layers.N.ROLE}. */
    private static final class FakeWiring implements FormatWiring {
        final List<Path> opened = new ArrayList<>();
        Path configSeen;

        @Override
        public ModelReader reader(ModelFormat format) {
            return new ModelReader() {
                @Override
                public ModelFormat format() {
                    return format;
                }

                @Override
                public TensorContainer open(Path file) {
                    opened.add(file);
                    List<StoredTensor> tensors = List.of(
                            new FakeContainer.Ramp("embed.weight", "BF16", new long[] {100, 8}),
                            new FakeContainer.Ramp("layers.0.q", "Q8_0", new long[] {8, 8}),
                            new FakeContainer.Ramp("layers.1.q", "Q8_0", new long[] {8, 8}),
                            new FakeContainer.Ramp("layers.1.q_bias", "F32", new long[] {8}),
                            new FakeContainer.Ramp("norm.weight", "F32", new long[] {8}));
                    return new FakeContainer(format, file, tensors, Map.of("general.quantized_by", "tester"));
                }
            };
        }

        @Override
        public ArchitectureSpec architecture(TensorContainer container, Path configJson) {
            configSeen = configJson;
            return new ArchitectureSpec("config.json", "llama", List.of("LlamaForCausalLM"), 8, 2, 2, 1, 16, 100, 64, 4,
                    "silu", 1e-5, null, 10000.0, false, Map.of());
        }

        @Override
        public TensorRoles roles(ModelFormat format, ArchitectureSpec architecture) {
            return (container, arch) -> container.tensors().stream().map(t -> {
                TensorRole role = switch (t.name()) {
                    case "embed.weight" -> TensorRole.global(Role.EMBEDDING);
                    case "layers.0.q" -> TensorRole.layer(Role.Q, 0);
                    case "layers.1.q" -> TensorRole.layer(Role.Q, 1);
                    case "layers.1.q_bias" -> TensorRole.layer(Role.Q, 1).asBias();
                    default -> TensorRole.global(Role.FINAL_NORM);
                };
                return TensorView.whole(new TensorInfo(t.name(), role, t.dtype(), t.shape()), t, false);
            }).toList();
        }
    }

    private Path modelDir() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("model"));
        Files.writeString(dir.resolve("model.safetensors"), "weights stand-in");
        Files.writeString(dir.resolve("config.json"), "{}");
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        Files.writeString(dir.resolve("README.md"), "---\nbase_model:\n- acme/a\n- acme/b\n---\n# merged\n");
        return dir;
    }

    private ModelOpener opener(FakeWiring wiring) {
        SourceEnvironment env = new SourceEnvironment(Map.of(), Map.of("pedigree.cache", tmp.resolve("cache").toString()), tmp.resolve("home"));
        return new ModelOpener(new ModelLocator(env, new PrintWriter(new StringWriter())), wiring);
    }

    @Test
    void inspectJsonHasTheDocumentedKeys() throws IOException {
        Path dir = modelDir();
        FakeWiring wiring = new FakeWiring();
        JsonNode json;
        String digest;
        try (Model m = opener(wiring).open(dir.toString())) {
            assertEquals(List.of(dir.resolve("model.safetensors")), wiring.opened);
            assertEquals(dir.resolve("config.json"), wiring.configSeen);
            assertEquals(dir.resolve("tokenizer.json"), m.tokenizer());
            json = new ObjectMapper().readTree(InspectJsonRenderer.render(InspectReport.of(m, true)));
            digest = m.digest().sha256();
        }
        assertEquals("safetensors", json.get("format").asText());
        assertEquals(8, json.at("/architecture/hidden_size").asInt());
        assertEquals(2, json.at("/architecture/num_layers").asInt());
        assertEquals(100, json.at("/architecture/vocab_size").asInt());
        assertEquals(16, json.at("/architecture/intermediate_size").asInt());
        assertEquals(800 + 64 + 64 + 8 + 8, json.get("parameters").asLong());
        JsonNode tensors = json.get("tensors");
        assertEquals(5, tensors.size());
        JsonNode q1 = tensors.get(2);
        assertEquals("layers.1.q", q1.get("name").asText());
        assertEquals("q", q1.get("role").asText());
        assertEquals(1, q1.get("layer").asInt());
        assertEquals("Q8_0", q1.get("dtype").asText());
        assertEquals("[8,8]", q1.get("shape").toString());
        assertTrue(tensors.get(0).get("layer").isNull(), "global tensors have no layer");
        assertEquals("[\"acme/a\",\"acme/b\"]", json.at("/declared_lineage/base_models").toString());
        assertEquals("merge", json.at("/declared_lineage/relation").asText());
        assertEquals(3, json.at("/declared_lineage/claims").size(), "two card claims and the GGUF-style metadata key");
        assertEquals(digest, json.get("digest").asText());
        assertEquals(64, digest.length());
        assertEquals(4, json.get("digest_files").size(), "weights, config, tokenizer and card");
        assertEquals("BF16", json.at("/dtypes/0/dtype").asText(), "largest share first");
    }

    @Test
    void tableGroupsTensorsByLayerThenRoleAndDigestIsOnlyComputedWhenAsked() throws IOException {
        Path dir = modelDir();
        try (Model m = opener(new FakeWiring()).open(dir.toString())) {
            String table = InspectTableRenderer.render(InspectReport.of(m, false));
            assertTrue(table.contains("digest                   not computed"), table);
            assertTrue(table.contains("declared lineage         base acme/a, acme/b; relation merge"), table);
            List<String> rows = table.substring(table.indexOf("tensors by layer and role")).lines().skip(1).toList();
            assertEquals(5, rows.size(), table);
            assertTrue(rows.get(0).contains("embed.weight") && rows.get(1).contains("norm.weight"), table);
            assertTrue(rows.get(3).contains("layers.1.q ") || rows.get(3).endsWith("layers.1.q"), table);
            assertTrue(rows.get(4).contains("q bias"), table);
        }
        assertTrue(!Files.exists(tmp.resolve("cache/digests")), "no digest was computed or cached");
    }
}
