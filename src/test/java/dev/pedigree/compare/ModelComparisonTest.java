package dev.pedigree.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.bench.InMemoryModel;
import dev.pedigree.bench.SyntheticTransformer;
import dev.pedigree.model.Role;
import dev.pedigree.model.TensorRole;
import dev.pedigree.model.TensorStore;
import dev.pedigree.report.CompareReport;
import dev.pedigree.signals.WeightAlignment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelComparisonTest {
    private static ComparisonResult compare(TensorStore a, TensorStore b, List<String> progress) {
        ModelComparison c = new ModelComparison(WeightAlignment.Settings.defaults(199, 5), Calibration.load(), progress::add);
        return c.run(new CompareSide("a", a, null, null, null, null), new CompareSide("b", b, null, null, null, null));
    }

    @Test
    void noisyCopyIsRelatedAndTheJsonCarriesEveryField() throws Exception {
        SyntheticTransformer a = SyntheticTransformer.random(800, 48, 4, 192, 2, 1);
        List<String> progress = new ArrayList<>();
        ComparisonResult r;
        try (TensorStore sa = a.store(); TensorStore sb = a.noisy(0.2, 2).store()) {
            r = compare(sa, sb, progress);
        }
        assertEquals(Verdict.RELATED, r.verdict());
        assertFalse(progress.isEmpty());
        JsonNode j = new ObjectMapper().readTree(CompareReport.json(r));
        assertEquals("related", j.path("verdict").asText());
        assertTrue(j.path("p_value").asDouble() < 1e-4);
        assertEquals(5, j.path("seed").asLong());
        assertEquals(199, j.path("permutations").asInt());
        for (String k : List.of("mfi_tier", "mfi_score", "eas", "nlf", "lep", "end", "wvc", "tfv", "voa", "identity_score", "label")) {
            assertTrue(j.path("mpk").has(k), k);
        }
        assertTrue(j.path("mpk").path("mfi_tier").isNull(), "no config, no MFI");
        assertTrue(j.path("mpk").path("wvc").asDouble() > 0.9);
        assertEquals(800, j.path("signals").path("shared_tokens").asInt());
        assertEquals(6, j.path("layers").size());
        assertTrue(j.path("evidence").get(0).asText().startsWith("embeddings: 800 shared tokens"));
        assertTrue(j.path("timing").has("total_ms"));
        String table = CompareReport.table(r);
        assertTrue(table.contains("verdict: related"), table);
        assertTrue(table.contains("layer 0 MLP: 192/192 neurons matched"), table);
    }

    @Test
    void differentWidthsAreComparedOnMatchedHiddenUnitsAndSaySo() {
        try (TensorStore sa = SyntheticTransformer.random(800, 48, 4, 192, 2, 3).store();
             TensorStore sb = SyntheticTransformer.random(800, 64, 4, 256, 3, 4).store()) {
            ComparisonResult r = compare(sa, sb, new ArrayList<>());
            assertEquals(Verdict.UNRELATED, r.verdict(), String.join("\n", r.evidence()));
            assertTrue(r.evidence().stream().anyMatch(e -> e.contains("hidden widths differ (48 vs 64)")), String.join("\n", r.evidence()));
            assertTrue(r.evidence().stream().anyMatch(e -> e.contains("depths differ (2 vs 3)")));
        }
    }

    @Test
    void withoutEmbeddingsTheVerdictIsInconclusive() {
        float[] w = new float[64 * 64];
        try (TensorStore sa = new InMemoryModel().add("q", TensorRole.layer(Role.Q, 0), w, 64, 64).store();
             TensorStore sb = new InMemoryModel().add("q", TensorRole.layer(Role.Q, 0), w, 64, 64).store()) {
            ComparisonResult r = compare(sa, sb, new ArrayList<>());
            assertEquals(Verdict.INCONCLUSIVE, r.verdict());
            assertTrue(Double.isNaN(r.pValue()));
            assertTrue(r.evidence().get(0).contains("no input embedding"));
        }
    }
}
