package dev.pedigree.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pedigree.testing.JsonSchemas;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void findingsAreResultsOfStableRulesAndTheLogIsValidSarif() throws Exception {
        Report report = ReportFixtures.mergedSetReport();
        JsonNode log = JSON.readTree(SarifLog.render(report));
        assertEquals(List.of(), JsonSchemas.sarif210Errors(log));
        assertEquals("2.1.0", log.get("version").asText());
        JsonNode run = log.at("/runs/0");
        JsonNode rules = run.at("/tool/driver/rules");
        assertEquals(FindingKind.values().length, rules.size());
        // released rule ids never change: CI suppressions are keyed on them
        assertEquals("PDG001", rules.at("/0/id").asText());
        assertEquals("UndeclaredLineage", rules.at("/0/name").asText());
        assertEquals("PDG002", rules.at("/1/id").asText());
        assertEquals("PDG003", rules.at("/2/id").asText());
        assertEquals("error", rules.at("/0/defaultConfiguration/level").asText());

        JsonNode results = run.get("results");
        assertEquals(report.findings().size(), results.size());
        JsonNode first = results.get(0);
        assertEquals("PDG001", first.get("ruleId").asText());
        assertEquals("PDG001", rules.get(first.get("ruleIndex").asInt()).get("id").asText());
        assertEquals("error", first.get("level").asText());
        assertEquals("file:///models/other-7b", first.at("/locations/1/physicalLocation/artifactLocation/uri").asText());
        assertEquals("hf:acme/chat-7b-ft", first.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(64, first.at("/partialFingerprints/" + SarifLog.FINGERPRINT_KEY.replace("/", "~1")).asText().length());
        assertEquals("a".repeat(64), run.at("/artifacts/0/hashes/sha-256").asText());

        List<String> fingerprints = new ArrayList<>();
        results.forEach(r -> fingerprints.add(r.get("partialFingerprints").get(SarifLog.FINGERPRINT_KEY).asText()));
        assertEquals(fingerprints.size(), new HashSet<>(fingerprints).size(), "different findings, different fingerprints");
    }

    @Test
    void fingerprintsFollowTheModelsContentNotTheirPaths() {
        Finding f = new Finding(FindingKind.WEIGHT_LINK, List.of("/here/a", "/here/b"), "related", 1e-4, "linked", List.of());
        Report here = Report.builder("compare").subject(new Subject("/here/a", "a", null, "1".repeat(64), null))
                .subject(new Subject("/here/b", "b", null, "2".repeat(64), null)).finding(f).build();
        Finding moved = new Finding(FindingKind.WEIGHT_LINK, List.of("/there/a", "/there/b"), "related", 1e-3, "linked", List.of());
        Report there = Report.builder("compare").subject(new Subject("/there/a", "a", null, "1".repeat(64), null))
                .subject(new Subject("/there/b", "b", null, "2".repeat(64), null)).finding(moved).build();
        assertEquals(SarifLog.fingerprint(here, f), SarifLog.fingerprint(there, moved));
        Report other = Report.builder("compare").subject(new Subject("/here/a", "a", null, "1".repeat(64), null))
                .subject(new Subject("/here/b", "b", null, "3".repeat(64), null)).finding(f).build();
        assertNotEquals(SarifLog.fingerprint(here, f), SarifLog.fingerprint(other, f));
    }

    @Test
    void modelArgumentsBecomeUris() {
        assertEquals("maven:dev.example:m:1.0", SarifLog.uri("maven:dev.example:m:1.0"));
        assertEquals("hf:org/name@main", SarifLog.uri("hf:org/name@main"));
        assertEquals("file:///models/a%20b/model.gguf", SarifLog.uri("/models/a b/model.gguf"));
    }

    @Test
    void theValidatorRejectsABrokenLog() throws Exception {
        ObjectNode log = (ObjectNode) JSON.readTree(SarifLog.render(ReportFixtures.mergedSetReport()));
        ((ObjectNode) log.at("/runs/0/results/0")).put("level", "fatal");
        log.put("version", "2.0.0");
        List<String> errors = JsonSchemas.sarif210Errors(log);
        assertFalse(errors.isEmpty());
        assertTrue(errors.stream().anyMatch(e -> e.contains("level")), errors.toString());
    }

    @Test
    void aReportWithoutFindingsIsAValidEmptyRun() throws Exception {
        JsonNode log = JSON.readTree(SarifLog.render(ReportFixtures.inspectReport()));
        assertEquals(List.of(), JsonSchemas.sarif210Errors(log));
        assertEquals(0, log.at("/runs/0/results").size());
    }

    @Test
    void anExcludedModelIsAWarningWithALogicalLocationOnly() throws Exception {
        Report r = Report.builder("set").subject(new Subject("/m/t", "target", "onnx", null, null))
                .excluded("http://127.0.0.1:9/v1", "server down (connection refused)").build();
        JsonNode log = JSON.readTree(SarifLog.render(r));
        assertEquals(List.of(), JsonSchemas.sarif210Errors(log));
        JsonNode result = log.at("/runs/0/results/0");
        assertEquals("PDG010", result.get("ruleId").asText());
        assertEquals("warning", result.get("level").asText());
        assertTrue(result.at("/locations/0/physicalLocation").isMissingNode());
        assertEquals("http://127.0.0.1:9/v1", result.at("/locations/0/logicalLocations/0/name").asText());
    }
}
