package dev.pedigree.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.error.BadInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A small scenario end to end: reproducible for any thread count, strong sources covered, files written. */
class CoverageSimulationTest {
    @TempDir
    Path dir;

    private Path scenario(String name, int replicates, double signal) throws IOException {
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, """
                {"name": "%s", "title": "test", "replicates": %d, "permutations": 99, "seed": 5,
                 "alphas": [0.01, 0.05, 0.1], "candidates": [6], "prompts": [100, 400], "sources": [0, 2],
                 "depths": [0], "sigmaSpread": [0.0, 0.5], "tau": [0.0], "signal": %s, "fade": 1.0,
                 "figure": {"x": "prompts", "y": ["coverage", "mean_size", "nonempty_rate"], "series": ["sources", "sigmaSpread"], "alpha": 0.05}}
                """.formatted(name, replicates, signal));
        return file;
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws Exception {
        CoverageScenario s = CoverageScenario.read(scenario("threads", 20, 0.5));
        PrintWriter quiet = new PrintWriter(new StringWriter());
        List<ReplicateOutcome> one = new CoverageSimulation(s, 1).run(quiet);
        List<ReplicateOutcome> three = new CoverageSimulation(s, 3).run(quiet);
        assertEquals(8 * 20, one.size());
        for (int i = 0; i < one.size(); i++) {
            assertEquals(one.get(i).testSeed(), three.get(i).testSeed());
            assertEquals(one.get(i).firstP(), three.get(i).firstP());
            assertEquals(java.util.Arrays.toString(one.get(i).setSize()), java.util.Arrays.toString(three.get(i).setSize()));
        }
    }

    @Test
    void strongSourcesAreCoveredAndFilesAreWritten() throws Exception {
        CoverageScenario s = CoverageScenario.read(scenario("strong", 30, 1.0));
        List<Path> files = CoverageRun.run(s, dir.resolve("out"), 2, new PrintWriter(new StringWriter()));
        List<String> summary = Files.readAllLines(files.get(1));
        assertEquals(1 + 8 * 3, summary.size());
        List<String> header = List.of(summary.getFirst().split(","));
        for (String line : summary.subList(1, summary.size())) {
            String[] f = line.split(",");
            int sources = Integer.parseInt(f[header.indexOf("sources")]);
            double coverage = Double.parseDouble(f[header.indexOf("coverage")]);
            if (sources == 2) {
                assertEquals(1.0, coverage, 1e-12, "δ = σ with N ≥ 100 finds both sources: " + line);
            }
        }
        assertEquals(1 + 8 * 30, Files.readAllLines(files.get(0)).size());
        String svg = Files.readString(files.get(2));
        assertTrue(svg.startsWith("<svg") && svg.contains("sources 2, sigmaSpread 0.5") && svg.contains("1 - alpha"), svg);
        Files.delete(files.get(2));
        CoverageRun.replot(s, dir.resolve("out"));
        assertEquals(svg, Files.readString(files.get(2)), "the figure re-drawn from the summary CSV is the same");
    }

    @Test
    void aScenarioNamesItsMethodAndBothMethodsSeeTheSamePools() throws Exception {
        Path file = scenario("calibrated", 15, 1.0);
        Files.writeString(file, Files.readString(file).replace("\"seed\": 5,", "\"seed\": 5, \"method\": \"calibrated\","));
        CoverageScenario calibrated = CoverageScenario.read(file);
        CoverageScenario faithful = CoverageScenario.read(scenario("faithful", 15, 1.0));
        assertEquals(dev.pedigree.stats.ProvenanceMethod.CALIBRATED, calibrated.provenanceMethod());
        assertEquals(dev.pedigree.stats.ProvenanceMethod.MPS, faithful.provenanceMethod());
        PrintWriter quiet = new PrintWriter(new StringWriter());
        List<ReplicateOutcome> a = new CoverageSimulation(calibrated, 2).run(quiet);
        List<ReplicateOutcome> b = new CoverageSimulation(faithful, 2).run(quiet);
        boolean differ = false;
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).testSeed(), b.get(i).testSeed(), "same pool, same test seed");
            differ |= a.get(i).firstP() != b.get(i).firstP();
        }
        assertTrue(differ, "the two methods gave identical p-values on every pool");
        List<Path> files = CoverageRun.run(calibrated, dir.resolve("cal"), 1, quiet);
        List<String> header = List.of(Files.readAllLines(files.get(1)).getFirst().split(","));
        String[] first = Files.readAllLines(files.get(1)).get(1).split(",");
        assertEquals("calibrated", first[header.indexOf("method")]);
        Files.writeString(file, Files.readString(file).replace("\"calibrated\",", "\"bayesian\","));
        BadInputException e = assertThrows(BadInputException.class, () -> CoverageScenario.read(file));
        assertTrue(e.getMessage().contains("no method bayesian"), e.getMessage());
    }

    @Test
    void aPairwiseScenarioCalibratesAgainstTheDrawnCandidateDistances() throws Exception {
        Path file = dir.resolve("pairwise.json");
        Files.writeString(file, """
                {"name": "pairwise", "title": "test", "replicates": 20, "permutations": 99, "seed": 6, "method": "calibrated",
                 "pairSpread": 0.05, "alphas": [0.05, 0.1], "candidates": [8], "prompts": [400], "sources": [1],
                 "depths": [0], "sigmaSpread": [0.5], "tau": [0.3], "signal": 0.5, "fade": 1.0,
                 "figure": {"x": "prompts", "y": ["coverage"], "series": ["sources"], "alpha": 0.05}}
                """);
        CoverageScenario s = CoverageScenario.read(file);
        List<ReplicateOutcome> outcomes = new CoverageSimulation(s, 1).run(new PrintWriter(new StringWriter()));
        // the source is 10 pair-effect SDs nearer than its eccentricity predicts, while the unrelated means spread
        // 0.3σ: only the candidate-to-candidate background can tell it from the unrelated models
        long covered = outcomes.stream().filter(o -> o.covered(0)).count();
        assertTrue(covered >= 18, covered + " of 20 pools covered the source at α = 0.05");
        Files.writeString(file, Files.readString(file).replace("\"pairSpread\": 0.05", "\"pairSpread\": -1"));
        assertThrows(BadInputException.class, () -> CoverageScenario.read(file));
    }

    @Test
    void aMalformedScenarioIsBadInput() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"name\": \"x\", \"replicates\": 0}");
        BadInputException e = assertThrows(BadInputException.class, () -> CoverageScenario.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        Files.writeString(file, "{\"nme\": 1}");
        assertThrows(BadInputException.class, () -> CoverageScenario.read(file));
    }
}
