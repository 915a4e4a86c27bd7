package dev.pedigree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.testing.CliRun;
import dev.pedigree.testing.JsonSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The shared report flags through the real command line on a small real model directory (BLOOM
 * fixture weights and config) whose card declares a base model: formats, the CycloneDX and SARIF
 * files, and the exit codes CI keys on.
 */
class ReportOptionsTest {
    @TempDir
    Path tmp;
    private String savedCache;

    @BeforeEach
    void isolateCache() {
        savedCache = System.getProperty("pedigree.cache");
        System.setProperty("pedigree.cache", tmp.resolve("cache").toString());
    }

    @AfterEach
    void restore() {
        if (savedCache == null) {
            System.clearProperty("pedigree.cache");
        } else {
            System.setProperty("pedigree.cache", savedCache);
        }
    }

    private Path modelDeclaringItsBase() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("bloom-ft"));
        for (String f : new String[] {"config.json", "model.safetensors"}) {
            try (InputStream in = ReportOptionsTest.class.getResourceAsStream("/safetensors/fused/bloom/" + f)) {
                Files.write(dir.resolve(f), in.readAllBytes());
            }
        }
        Files.writeString(dir.resolve("README.md"), "---\nbase_model: bigscience/bloom-560m\nbase_model_relation: finetune\n---\n# a fine-tune\n");
        return dir;
    }

    @Test
    void inspectWritesJsonWithTheDeclaredLineageAndValidCycloneDxAndSarifFiles() throws IOException {
        Path model = modelDeclaringItsBase();
        Path bom = tmp.resolve("out/bom.json");
        Path sarif = tmp.resolve("out/pedigree.sarif");
        Files.createDirectories(bom.getParent());
        CliRun r = CliRun.of("inspect", model.toString(), "--format", "json", "--cyclonedx", bom.toString(), "--sarif", sarif.toString(),
                "--fail-on", "undeclared,contradicted");
        assertEquals(ExitCode.DONE, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("inspect", json.get("job").asText());
        assertEquals("bloom", json.at("/inspect/architecture/model_type").asText());
        assertEquals("bigscience/bloom-560m", json.at("/subjects/0/declared/base_models/0").asText());
        assertEquals("declared-only", json.at("/lineage/0/status").asText());
        String digest = json.at("/subjects/0/digest").asText();
        assertEquals(64, digest.length());

        JsonNode b = new ObjectMapper().readTree(bom.toFile());
        assertEquals(List.of(), JsonSchemas.cycloneDx16Errors(b));
        assertEquals("machine-learning-model", b.at("/metadata/component/type").asText());
        assertEquals(digest, b.at("/metadata/component/hashes/0/content").asText());
        assertEquals("bloom", b.at("/metadata/component/modelCard/modelParameters/architectureFamily").asText());
        JsonNode s = new ObjectMapper().readTree(sarif.toFile());
        assertEquals(List.of(), JsonSchemas.sarif210Errors(s));
        assertEquals("2.1.0", s.get("version").asText());
        assertEquals(digest, s.at("/runs/0/artifacts/0/hashes/sha-256").asText());
        assertFalse(Files.list(bom.getParent()).anyMatch(p -> p.toString().endsWith(".tmp")), "no temporary files left");
    }

    @Test
    void inspectRendersTheTableAndTheHtmlPage() throws IOException {
        Path model = modelDeclaringItsBase();
        CliRun table = CliRun.of("inspect", model.toString(), "--no-digest");
        assertEquals(ExitCode.DONE, table.exit(), table.err());
        assertTrue(table.out().contains("declared-only bigscience/bloom-560m -> " + model), table.out());
        CliRun html = CliRun.of("inspect", model.toString(), "--no-digest", "--format", "html");
        assertEquals(ExitCode.DONE, html.exit(), html.err());
        assertTrue(html.out().startsWith("<!DOCTYPE html>") && html.out().contains("id=\"lineage-graph\""));
    }

    @Test
    void badReportOptionsAreBadInput() throws IOException {
        Path model = modelDeclaringItsBase();
        CliRun unknownKind = CliRun.of("inspect", model.toString(), "--no-digest", "--fail-on", "sometimes");
        assertEquals(ExitCode.BAD_INPUT, unknownKind.exit());
        assertTrue(unknownKind.err().contains("unknown finding kind 'sometimes'") && unknownKind.err().contains("undeclared"), unknownKind.err());
        CliRun unwritable = CliRun.of("inspect", model.toString(), "--no-digest", "--sarif", tmp.resolve("no/such/dir/x.sarif").toString());
        assertEquals(ExitCode.BAD_INPUT, unwritable.exit());
        assertTrue(unwritable.err().startsWith("pedigree: --sarif "), unwritable.err());
        assertEquals(ExitCode.BAD_INPUT, CliRun.of("inspect", model.toString(), "--format", "pdf").exit());
    }

    @Test
    void anUnexpectedExceptionIsExitCodeThreeAndBadInputIsTwo() {
        // the exception handlers of Main's command line, reached through a command added for the test
        CommandLine cl = Main.commandLine();
        cl.addSubcommand("fail", new CommandLine(new FailingCommand()));
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        assertEquals(ExitCode.INTERNAL, cl.execute("fail", "internal"));
        assertTrue(err.toString().startsWith("pedigree: internal error: java.lang.IllegalStateException: a bug"), err.toString());
        assertEquals(ExitCode.BAD_INPUT, cl.execute("fail", "input"));
    }

    @CommandLine.Command(name = "fail")
    static final class FailingCommand implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Parameters(index = "0")
        String how;

        @Override
        public Integer call() {
            if (how.equals("internal")) {
                throw new IllegalStateException("a bug");
            }
            throw new dev.pedigree.error.BadInputException("bad bytes");
        }
    }

    @Test
    void failOnTurnsAMatchingFindingIntoExitCodeOne() {
        String[][] cases = {
            {"", "0"}, {"--fail-on=undeclared", "1"}, {"--fail-on=link", "1"}, {"--fail-on=any", "1"}, {"--fail-on=contradicted", "0"},
            {"--fail-on=contradicted,undeclared", "1"}, {"--fail-on=set-member", "0"},
        };
        for (String[] c : cases) {
            CommandLine cl = Main.commandLine();
            cl.addSubcommand("fixed", new CommandLine(new FixedReportCommand()));
            StringWriter out = new StringWriter();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(new StringWriter(), true));
            int exit = c[0].isEmpty() ? cl.execute("fixed") : cl.execute("fixed", c[0]);
            assertEquals(Integer.parseInt(c[1]), exit, String.join(" ", c));
            assertTrue(out.toString().contains("PDG001 undeclared"), out.toString());
        }
    }

    /** A reporting command whose report holds one undeclared link, found by the weights. */
    @CommandLine.Command(name = "fixed")
    static final class FixedReportCommand implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Mixin
        ReportOptions output = new ReportOptions();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            dev.pedigree.report.Report r = dev.pedigree.report.Report.builder("compare")
                    .subject(new dev.pedigree.report.Subject("/m/a", "a", "onnx", null, dev.pedigree.report.DeclaredLineageSummary.NONE))
                    .subject(new dev.pedigree.report.Subject("/m/b", "b", "onnx", null, dev.pedigree.report.DeclaredLineageSummary.NONE))
                    .link(new dev.pedigree.report.TestedLink("/m/a", "/m/b", false, dev.pedigree.report.Evidence.WEIGHTS,
                            dev.pedigree.report.LinkVerdict.RELATED, 1e-6, "weights related"))
                    .build();
            return output.emit(r, spec.commandLine().getOut());
        }
    }
}
