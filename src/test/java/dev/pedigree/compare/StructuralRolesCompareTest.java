package dev.pedigree.compare;

import static dev.pedigree.model.roles.RenamedCheckpoints.ZOO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.model.RoleAssignment;
import dev.pedigree.model.open.Model;
import dev.pedigree.model.roles.RenamedCheckpoints;
import dev.pedigree.report.ReportJson;
import dev.pedigree.report.WeightComparisons;
import dev.pedigree.signals.WeightAlignment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compare on checkpoints whose tensor names no naming table knows: the zoo's sharded, renamed
 * fine-tune and renamings made up here. Roles come from structure, the evidence says so, and the
 * verdicts come out as for the named originals.
 */
class StructuralRolesCompareTest {
    private static final String RENAMED = "tiny-llama-a-ft-sharded-renamed";

    @TempDir
    Path dir;

    private static ComparisonResult compare(Path a, Path b) {
        try (Model ma = RenamedCheckpoints.open(a); Model mb = RenamedCheckpoints.open(b)) {
            ComparisonResult r = new ModelComparison(WeightAlignment.Settings.defaults(999, 1), Calibration.load(), m -> { })
                    .run(CompareSide.of(a.getFileName().toString(), ma), CompareSide.of(b.getFileName().toString(), mb));
            System.out.printf("%s vs %s: %s p=%.3g%n  %s%n", a.getFileName(), b.getFileName(), r.verdict().label(), r.pValue(),
                    String.join("\n  ", r.evidence()));
            return r;
        }
    }

    private static boolean says(ComparisonResult r, String text) {
        return r.evidence().stream().anyMatch(l -> l.contains(text));
    }

    @Test
    void zooRenamedFineTuneIsRelatedToItsParentAndTheEvidenceAndJsonSayRolesWereInferred() throws IOException {
        ComparisonResult r = compare(ZOO.resolve("tiny-llama-a"), ZOO.resolve(RENAMED));
        assertEquals(Verdict.RELATED, r.verdict());
        assertTrue(r.pValue() < 1e-3, "p = " + r.pValue());
        String line = "B (" + RENAMED + "): roles inferred from structure (no naming table for model_type zoo_lm), confidence high";
        assertTrue(says(r, line), r.evidence().toString());
        JsonNode json = new ObjectMapper().readTree(ReportJson.render(WeightComparisons.report(r)));
        List<String> evidence = new ArrayList<>();
        json.at("/weight_comparisons/0/evidence").forEach(e -> evidence.add(e.asText()));
        assertTrue(evidence.stream().anyMatch(e -> e.startsWith(line)), evidence.toString());
        assertEquals(RoleAssignment.Method.STRUCTURE, r.rolesB().method());
        assertEquals(RoleAssignment.Confidence.HIGH, r.rolesB().confidence());
        assertEquals(RoleAssignment.Method.NAMING_TABLE, r.rolesA().method());
    }

    @Test
    void zooRenamedFineTuneIsUnrelatedToAnIndependentRunOfTheSameConfig() {
        ComparisonResult r = compare(ZOO.resolve(RENAMED), ZOO.resolve("tiny-llama-b"));
        assertEquals(Verdict.UNRELATED, r.verdict());
        assertTrue(says(r, "A (" + RENAMED + "): roles inferred from structure"), r.evidence().toString());
    }

    @Test
    void zooRenamedFineTuneIsUnrelatedToGpt2() {
        ComparisonResult r = compare(ZOO.resolve("tiny-gpt2-a"), ZOO.resolve(RENAMED));
        assertEquals(Verdict.UNRELATED, r.verdict());
    }

    @Test
    void shapeTwinsWithoutRoleWordsAreToldApartAgainstTheOtherModel() throws IOException {
        Path copy = RenamedCheckpoints.copy(ZOO.resolve("tiny-llama-a-ft"), dir.resolve("hint-free"), RenamedCheckpoints.LLAMA_HINT_FREE, "made_up_lm",
                Comparator.naturalOrder());
        ComparisonResult related = compare(ZOO.resolve("tiny-llama-a"), copy);
        assertEquals(Verdict.RELATED, related.verdict());
        assertTrue(related.pValue() < 1e-3, "p = " + related.pValue());
        assertTrue(says(related, "confidence low"), related.evidence().toString());
        assertTrue(says(related, "roles of B, attention q/o: told apart against the other model by row/column norm profiles: "
                + "net.stack.0.mix.a = o, net.stack.0.mix.b = q"), related.evidence().toString());
        ComparisonResult unrelated = compare(ZOO.resolve("tiny-llama-b"), copy);
        assertEquals(Verdict.UNRELATED, unrelated.verdict());
    }

    @Test
    void withoutARepeatedBlockNoRolesAreInferredAndTheVerdictIsInconclusive() throws IOException {
        UnaryOperator<String> flatten = n -> n.replaceFirst("^model\\.layers\\.(\\d+)\\.", "model.layer_$1_");
        Path copy = RenamedCheckpoints.copy(ZOO.resolve("tiny-llama-a-ft"), dir.resolve("flat"), flatten, "made_up_lm", Comparator.naturalOrder());
        ComparisonResult r = compare(ZOO.resolve("tiny-llama-a"), copy);
        assertEquals(Verdict.INCONCLUSIVE, r.verdict());
        assertTrue(says(r, "B (flat): no roles (no naming table for model_type made_up_lm): roles not inferred from structure: the tensor names "
                + "show no repeated numbered block"), r.evidence().toString());
    }
}
