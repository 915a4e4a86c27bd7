package dev.pedigree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BaselineCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** Candidate "parent" matches on 60 of 100 prompts and "other" on 45: z-test p = 0.0168 (scipy, see TwoProportionZTestTest). */
    private Path matrix() throws IOException {
        StringBuilder csv = new StringBuilder();
        String[] names = {"other", "parent"};
        int[] counts = {45, 60};
        for (int i = 0; i < 2; i++) {
            csv.append(names[i]);
            for (int t = 0; t < 100; t++) {
                csv.append(t < counts[i] ? ",1" : ",0");
            }
            csv.append('\n');
        }
        return Files.writeString(dir.resolve("m.csv"), csv);
    }

    @Test
    void jsonReportsTheParentAndTheComparison() throws IOException {
        assertEquals(ExitCode.DONE, run("baseline", "--matches", matrix().toString(), "--format", "json"));
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertEquals("parent", root.get("best").asText());
        assertEquals("parent", root.get("decision").asText());
        assertEquals("parent", root.get("parent").asText());
        JsonNode c = root.get("comparisons").get(0);
        assertEquals("other", c.get("candidate").asText());
        assertEquals("z", c.get("test").asText());
        assertEquals(0.016836034428172927, c.get("p_value").asDouble(), 1e-12);
    }

    @Test
    void alphaIsPassedThrough() throws IOException {
        assertEquals(ExitCode.DONE, run("baseline", "--matches", matrix().toString(), "--alpha", "0.01", "--format", "json"));
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertEquals("no_parent", root.get("decision").asText());
        assertTrue(root.get("parent").isNull());
    }

    @Test
    void tableNamesTheBestCandidateAndDecision() throws IOException {
        assertEquals(ExitCode.DONE, run("baseline", "--matches", matrix().toString()));
        assertTrue(out.toString().contains("parent (match rate 0.6000 over 100 prompts)"), out.toString());
        assertTrue(out.toString().contains("PARENT at alpha 0.05"), out.toString());
    }

    @Test
    void badMatrixAndHtmlAreExitCodeTwo() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "a,1,2\n");
        assertEquals(ExitCode.BAD_INPUT, run("baseline", "--matches", bad.toString()));
        assertTrue(err.toString().contains("expected 0 or 1"), err.toString());
        assertEquals(ExitCode.BAD_INPUT, run("baseline", "--matches", matrix().toString(), "--format", "html"));
    }
}
