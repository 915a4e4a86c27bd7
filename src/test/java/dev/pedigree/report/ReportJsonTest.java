package dev.pedigree.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pedigree.error.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReportJsonTest {
    private static String resource(String name) throws IOException {
        try (InputStream in = ReportJsonTest.class.getResourceAsStream("/report/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void keysAreSnakeCaseAndEverySectionIsThere() {
        JsonNode j = ReportJson.tree(ReportFixtures.mergedSetReport());
        assertEquals(Report.SCHEMA_VERSION, j.get("schema_version").asInt());
        assertEquals("set", j.get("job").asText());
        assertEquals("0.1.0-test", j.at("/environment/tool_version").asText());
        assertEquals("amd64", j.at("/environment/arch").asText());
        assertEquals(7, j.at("/seeds/permutations").asLong());
        assertEquals(5120, j.at("/timings_ms/queries").asLong());
        assertEquals("a".repeat(64), j.at("/subjects/0/digest").asText());
        assertEquals("finetune", j.at("/subjects/0/declared/relation").asText());
        assertEquals("undeclared", j.at("/findings/0/kind").asText());
        assertEquals("error", j.at("/findings/0/severity").asText());
        assertEquals("confirmed", j.at("/lineage/0/status").asText());
        assertEquals(0.001, j.at("/provenance_set/members/0/p_value").asDouble());
        assertEquals(0.001, j.at("/provenance_set/p_value_resolution").asDouble());
        assertEquals(3, j.at("/provenance_set/steps").size());
        assertEquals(3, j.at("/distances/candidates").size());
        assertTrue(j.at("/distances/candidates/0/median").isNumber());
        assertEquals(0.91, j.at("/weight_comparisons/0/mpk/wvc").asDouble());
        assertEquals("identity 0.9500", j.at("/weight_comparisons/0/signal_table/4/mpk_text").asText());
        assertTrue(j.get("inspect").isNull());
    }

    @Test
    void numbersThatCouldNotBeComputedAreNull() {
        Report r = Report.builder("compare").subject(new Subject("a", "a", null, null, null)).subject(new Subject("b", "b", null, null, null))
                .weightComparison(new WeightComparison("a", "b", "inconclusive", Double.NaN, 10, 1, null, null,
                        java.util.List.of(new SignalRow("x", Double.NaN, "-", Double.POSITIVE_INFINITY, "-")), java.util.Map.of("cka", Double.NaN),
                        new WeightComparison.MpkNumbers(null, Double.NaN, null, null, null, null, null, null, null, null, "Insufficient data"),
                        java.util.List.of(), java.util.List.of()))
                .build();
        String json = ReportJson.render(r);
        assertTrue(!json.contains("NaN") && !json.contains("Infinity"), json);
        assertTrue(ReportJson.tree(r).at("/weight_comparisons/0/p_value").isNull());
        assertTrue(ReportJson.tree(r).at("/weight_comparisons/0/signals/cka").isNull());
    }

    @Test
    void aSubjectsSpecIsWrittenWhenKnownAndReadBack() {
        Report r = Report.builder("set").subject(new Subject("tiny", "target", "safetensors", null, DeclaredLineageSummary.NONE, "/zoo/models/tiny"))
                .subject(new Subject("row-2", "candidate", null, null, null)).build();
        JsonNode j = ReportJson.tree(r);
        assertEquals("/zoo/models/tiny", j.at("/subjects/0/spec").asText());
        assertTrue(j.at("/subjects/1").has("name") && !j.at("/subjects/1").has("spec"), "no spec, no key: " + j.at("/subjects/1"));
        Report back = ReportJson.read(ReportJson.render(r));
        assertEquals(r.subjects(), back.subjects());
    }

    @Test
    void theVersionOneFixtureReadsBackAndRendersTheSameBytes() throws IOException {
        // written by this build from ReportFixtures.mergedSetReport(); kept as the record of schema version 1
        String v1 = resource("report-v1.json");
        Report read = ReportJson.read(v1);
        assertEquals(ReportJson.render(ReportFixtures.mergedSetReport()), v1, "the model changed: bump Report.SCHEMA_VERSION and add a fixture");
        assertEquals(v1, ReportJson.render(read));
        assertEquals(FindingKind.UNDECLARED_LINEAGE, read.findings().getFirst().kind());
        assertEquals(LineageEdge.Status.CONFIRMED, read.lineage().getFirst().status());
    }

    @Test
    void anUnknownSchemaVersionIsRefusedByName() throws IOException {
        String v2 = resource("report-v1.json").replace("\"schema_version\" : 1,", "\"schema_version\" : 2,");
        BadInputException e = assertThrows(BadInputException.class, () -> ReportJson.read(v2));
        assertTrue(e.getMessage().contains("schema version 2 is not known"), e.getMessage());
        assertThrows(BadInputException.class, () -> ReportJson.read("{\"job\": \"set\"}"));
        assertThrows(BadInputException.class, () -> ReportJson.read("not json"));
    }
}
