package dev.pedigree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pedigree experiment coverage-sim}: writes its three files; a bad scenario is exit code 2. */
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
    void missingScenarioIsBadInput() {
        StringWriter err = new StringWriter();
        Path missing = dir.resolve("missing.json");
        assertEquals(2, run(err, "experiment", "coverage-sim", "--config", missing.toString(), "--out", dir.toString()));
        assertTrue(err.toString().contains(missing.toString()), err.toString());
    }
}
