package dev.pedigree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pedigree experiment coverage-sim}: writes its three files; a bad scenario is exit code 2.
 * {@code coverage-real}: runs every task of the test zoo and writes its CSVs and figures.
 */
class ExperimentCommandTest {
    @TempDir
    Path dir;

    private int run(StringWriter err, String... args) {
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void coverageSimWritesCsvAndSvg() throws IOException {
        Path config = dir.resolve("tiny.json");
        Files.writeString(config, """
                {"name": "tiny", "title": "tiny", "replicates": 10, "permutations": 19, "seed": 1,
                 "alphas": [0.05, 0.1], "candidates": [4], "prompts": [50], "sources": [0, 1], "depths": [0],
                 "sigmaSpread": [0.0], "tau": [0.0], "signal": 0.5, "fade": 1.0,
                 "figure": {"x": "alpha", "y": ["coverage", "nonempty_rate"], "series": ["sources"], "alpha": 0.05}}
                """);
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "experiment", "coverage-sim", "--config", config.toString(), "--out", dir.resolve("out").toString()),
                err.toString());
        for (String f : new String[] {"tiny-replicates.csv", "tiny-summary.csv", "tiny.svg"}) {
            assertTrue(Files.size(dir.resolve("out").resolve(f)) > 0, f);
        }
    }

    @Test
    void coverageRealRunsEveryTaskOfTheTestZoo() throws IOException {
        Path out = dir.resolve("real");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "experiment", "coverage-real", "--zoo", Path.of("src", "test", "resources", "zoo").toString(),
                "--out", out.toString(), "--methods", "mps,calibrated", "--distances", "centred-logits", "--max-prompts", "50",
                "--perms", "99", "--cache", dir.resolve("cache").toString()), err.toString());
        // 6 tasks x 2 methods x 1 prompt count x 3 levels, after the header
        List<String> tasks = Files.readAllLines(out.resolve("tasks.csv"));
        assertEquals(1 + 6 * 2 * 3, tasks.size());
        assertTrue(tasks.get(0).startsWith("method,distance,target,target_kind,prompts,alpha,"), tasks.get(0));
        // the light fine-tune's parent is the first member of its paper-faithful set (the first task, at every level)
        assertTrue(tasks.get(1).startsWith("mps,centred-logits,tiny-llama-a-ft,single-parent,50,0.01,1,"), tasks.get(1));
        String firstSet = tasks.get(2).split(",")[11];
        assertEquals("tiny-llama-a", firstSet.split(";")[0], tasks.get(2));
        assertTrue(tasks.stream().anyMatch(l -> l.startsWith("calibrated,centred-logits,tiny-llama-a-ft,single-parent,50,0.05,")),
                String.join("\n", tasks));
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        for (String method : new String[] {"mps", "calibrated"}) {
            assertTrue(summary.stream().anyMatch(l -> l.startsWith(method + ",centred-logits,all,50,0.05,6,")), String.join("\n", summary));
            assertTrue(summary.stream().anyMatch(l -> l.startsWith(method + ",centred-logits,distilled,50,0.05,1,")), String.join("\n", summary));
        }
        for (String f : new String[] {"members.csv", "breakdown.csv", "ranking.csv", "excluded.csv", "coverage-centred-logits.svg",
                "derivation-centred-logits.svg"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
    }

    @Test
    void coverageRealRejectsAnUnknownDistance() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "experiment", "coverage-real", "--zoo", dir.toString(), "--out", dir.toString(), "--distances", "cosine"));
        assertTrue(err.toString().contains("cosine"), err.toString());
    }

    @Test
    void missingScenarioIsBadInput() {
        StringWriter err = new StringWriter();
        Path missing = dir.resolve("missing.json");
        assertEquals(2, run(err, "experiment", "coverage-sim", "--config", missing.toString(), "--out", dir.toString()));
        assertTrue(err.toString().contains(missing.toString()), err.toString());
    }
}
