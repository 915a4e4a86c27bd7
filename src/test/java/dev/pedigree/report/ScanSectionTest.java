package dev.pedigree.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.testing.JsonSchemas;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code scan} job's report through every renderer. */
class ScanSectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDeclaredBaseFoundInTheDatabaseIsConfirmedAndAVariant() throws Exception {
        Report r = ReportFixtures.scanReport();
        assertEquals(LineageEdge.Status.CONFIRMED, r.lineage().getFirst().status());
        assertEquals(List.of(FindingKind.METADATA_ONLY_MATCH, FindingKind.FINGERPRINT_MATCH, FindingKind.DECLARED_CONFIRMED),
                r.findings().stream().map(Finding::kind).toList());

        JsonNode j = ReportJson.tree(r);
        assertEquals(152, j.at("/scan/entries").asInt());
        assertEquals("weights", j.at("/scan/matches/0/match_type").asText());
        assertTrue(j.at("/scan/matches/1/p_value").isNull());

        JsonNode bom = JSON.readTree(CycloneDxBom.render(r));
        assertEquals(List.of(), JsonSchemas.cycloneDx16Errors(bom));
        // declared: the direction is known, so the base is an ancestor
        assertEquals("acme/base-7b", bom.at("/metadata/component/pedigree/ancestors/0/name").asText());
        String verdict = null;
        for (JsonNode prop : bom.at("/metadata/component/properties")) {
            if (prop.get("name").asText().equals("pedigree:verdict")) {
                verdict = prop.get("value").asText();
            }
        }
        assertEquals("link found", verdict);

        JsonNode sarif = JSON.readTree(SarifLog.render(r));
        assertEquals(List.of(), JsonSchemas.sarif210Errors(sarif));
        assertEquals(3, sarif.at("/runs/0/results").size());

        String table = ReportTableRenderer.render(r);
        assertTrue(table.contains("fingerprint database fingerprints: 152 entries, 3 compared in full"), table);
        assertTrue(table.contains("nearest by weight sketch (not matches)"), table);
        String html = ReportHtmlRenderer.render(r);
        assertTrue(html.contains("id=\"scan-matches\"") && html.contains("other/clone-config"), html);
    }
}
