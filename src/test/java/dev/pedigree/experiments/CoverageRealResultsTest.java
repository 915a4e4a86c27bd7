package dev.pedigree.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accounting of the real-zoo run: coverage, extras, unrelated candidates, breakdowns and ranks, on hand-made sets. */
class CoverageRealResultsTest {
    @Test
    void countsCoverageExtrasAndBreakdownsPerMethod(@TempDir Path out) throws IOException {
        ZooLineage lineage = ZooLineage.read(Path.of("experiments", "zoo", "results", "full", "lineage.json"));
        CoverageRealResults results = new CoverageRealResults(List.of(0.05), lineage);
        // llama-a-py-heavy: true set llama-a (heavy, 1 step) and a tampered copy of llama-a-ft-lic (heavy, 3 steps)
        CoverageRealResults.TaskContext heavy = new CoverageRealResults.TaskContext("centred-logits", "llama-a-py-heavy", "single-parent",
                List.of("llama-a", "llama-a-ft-lic-tampered-config"),
                List.of("llama-a", "llama-a-ft-lic-tampered-config", "mistral-a-py-heavy", "llama-b"), List.of("gpt2-b-ft-lic"));
        // llama-a-perm: its true set is two copies of llama-a
        CoverageRealResults.TaskContext copy = new CoverageRealResults.TaskContext("centred-logits", "llama-a-perm", "single-parent",
                List.of("llama-a", "llama-a-fp16"), List.of("llama-a", "llama-a-fp16", "llama-b"), List.of());
        results.add(heavy, "mps", 50, 0.05, List.of("llama-a", "mistral-a-py-heavy", "llama-a-ft-lic-tampered-config", "llama-b"), List.of());
        results.add(copy, "mps", 50, 0.05, List.of("llama-a", "llama-a-fp16"), List.of());
        results.add(heavy, "calibrated", 50, 0.05, List.of("mistral-a-py-heavy", "llama-a"), List.of());
        results.add(copy, "calibrated", 50, 0.05, List.of(), List.of());
        results.rank(heavy, 50, heavy.compared(), new double[] {0.38, 0.6, 0.54, 0.5});
        results.write(out);

        Map<String, Map<String, String>> summary = rows(out.resolve("summary.csv"), r -> r.get("method") + "/" + r.get("target_kind"));
        Map<String, String> mps = summary.get("mps/all");
        assertEquals("2", mps.get("covered"));
        assertEquals("1.000", mps.get("mean_extra"));      // (2 + 0) / 2
        assertEquals("1", mps.get("tasks_with_extra"));
        assertEquals("3", mps.get("unrelated_compared"));  // two in the first pool, one in the second
        assertEquals("2", mps.get("unrelated_admitted"));
        Map<String, String> calibrated = summary.get("calibrated/all");
        assertEquals("0", calibrated.get("covered"));
        assertEquals("0.500", calibrated.get("mean_extra"));
        assertEquals("1", calibrated.get("unrelated_admitted"));
        // Clopper–Pearson for 0 of 2: [0, 1 − 0.025^(1/2)] = [0, 0.8419]
        assertEquals("0.8419", calibrated.get("coverage_high"));

        Map<String, Map<String, String>> breakdown = rows(out.resolve("breakdown.csv"),
                r -> r.get("method") + "/" + r.get("by") + "/" + r.get("group"));
        assertEquals("2", breakdown.get("mps/derivation/heavy").get("members"));
        assertEquals("2", breakdown.get("mps/derivation/heavy").get("found"));
        assertEquals("2", breakdown.get("mps/derivation/copy").get("members"));
        assertEquals("1", breakdown.get("calibrated/derivation/heavy").get("found"));
        assertEquals("0", breakdown.get("calibrated/derivation/copy").get("found"));
        assertEquals("1", breakdown.get("calibrated/steps/3").get("members"));

        Map<String, Map<String, String>> ranking = rows(out.resolve("ranking.csv"), r -> r.get("rank"));
        assertEquals("llama-a", ranking.get("1").get("candidate"));
        assertEquals("true", ranking.get("1").get("related"));
        assertEquals("llama-b", ranking.get("2").get("candidate"));
        assertEquals("mistral-a-py-heavy", ranking.get("3").get("candidate"));
        assertEquals("shared-data-trap", ranking.get("3").get("trap"));
        assertTrue(Files.exists(out.resolve("coverage-centred-logits.svg")));
    }

    /** The rows of a simple CSV (no quoted commas in the columns read), keyed. */
    private static Map<String, Map<String, String>> rows(Path csv, Function<Map<String, String>, String> key) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.getFirst().split(",");
        return lines.stream().skip(1).map(line -> {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new java.util.HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            return row;
        }).collect(Collectors.toMap(key, r -> r, (a, b) -> a));
    }
}
