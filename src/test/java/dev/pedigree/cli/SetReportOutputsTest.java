package dev.pedigree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.testing.JsonSchemas;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code set} through the shared report model: the HTML page with both sets, a schema-valid CycloneDX ML-BOM and SARIF log. */
class SetReportOutputsTest {
    private static final String ZOO = "src/test/resources/zoo/models/";

    @TempDir
    Path tmp;

    private String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        assertEquals(ExitCode.DONE, exit, err.toString());
        return out.toString();
    }

    @Test
    void queriedSetWritesHtmlAndValidBomAndSarif() throws Exception {
        Path bom = tmp.resolve("set.cdx.json");
        Path sarif = tmp.resolve("set.sarif");
        String html = run("set", "--target", ZOO + "tiny-llama-a-ft", "--candidates", ZOO + "tiny-llama-a", ZOO + "tiny-llama-b",
                ZOO + "tiny-gpt2-a", "--prompt-count", "60", "--perms", "199", "--quiet", "--format", "html",
                "--cyclonedx", bom.toString(), "--sarif", sarif.toString());
        assertTrue(html.startsWith("<!DOCTYPE html>") || html.startsWith("<!doctype html>"), html.substring(0, 40));
        for (String id : List.of("provenance-set", "distance-chart", "lineage-graph", "findings")) {
            assertTrue(html.contains("id=\"" + id + "\""), "HTML holds #" + id);
        }
        assertTrue(html.contains("paper-faithful method"), "the paper-faithful set is written beside the headline one");
        assertTrue(html.contains("Calibrated background: the spread of the target"),
                "three models cannot fit a pairwise background: the target's row is the background");
        ObjectMapper json = new ObjectMapper();
        JsonNode b = json.readTree(Files.readString(bom));
        assertEquals(List.of(), JsonSchemas.cycloneDx16Errors(b));
        assertTrue(b.toString().contains("machine-learning-model"));
        JsonNode s = json.readTree(Files.readString(sarif));
        assertEquals(List.of(), JsonSchemas.sarif210Errors(s));
    }

    @Test
    void matrixSetRendersHtmlToo() {
        String html = run("set", "--matrix", "experiments/calibrated-real/target-all-minilm-l6-v2-q.csv", "--perms", "99",
                "--format", "html");
        assertTrue(html.contains("id=\"provenance-set\"") && html.contains("all-minilm-l6-v2"), "set --matrix as HTML");
        for (String id : List.of("provenance-set-beside", "step-chart-beside", "calibration-background", "set-differences")) {
            assertTrue(html.contains("id=\"" + id + "\""), "both sets and their differences: #" + id);
        }
    }
}
