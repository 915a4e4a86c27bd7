package dev.pedigree.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pedigree.testing.JsonSchemas;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CycloneDxBomTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, List<String>> properties(JsonNode component) {
        Map<String, List<String>> out = new HashMap<>();
        for (JsonNode p : component.path("properties")) {
            out.computeIfAbsent(p.get("name").asText(), k -> new ArrayList<>()).add(p.get("value").asText());
        }
        return out;
    }

    @Test
    void mergedSetReportIsAValidMlBomWithAncestorsVariantsAndTheVerdict() throws Exception {
        JsonNode bom = JSON.readTree(CycloneDxBom.render(ReportFixtures.mergedSetReport()));
        assertEquals(List.of(), JsonSchemas.cycloneDx16Errors(bom));
        assertEquals("CycloneDX", bom.get("bomFormat").asText());
        assertEquals("1.6", bom.get("specVersion").asText());
        JsonNode model = bom.at("/metadata/component");
        assertEquals("machine-learning-model", model.get("type").asText());
        assertEquals(ReportFixtures.TARGET, model.get("name").asText());
        assertEquals("SHA-256", model.at("/hashes/0/alg").asText());
        assertEquals("a".repeat(64), model.at("/hashes/0/content").asText());
        Map<String, List<String>> props = properties(model);
        assertEquals(List.of("link found"), props.get("pedigree:verdict"));
        assertEquals(List.of("0.00400"), props.get("pedigree:p_value"));
        assertEquals(List.of("0.05"), props.get("pedigree:alpha"));
        assertEquals(List.of("999"), props.get("pedigree:permutations"));
        assertEquals(List.of("acme/base-7b", ReportFixtures.MISSING_BASE), props.get("pedigree:declared.base_model"));

        JsonNode ancestors = model.at("/pedigree/ancestors");
        assertEquals(2, ancestors.size(), ancestors.toString());
        List<String> names = new ArrayList<>();
        ancestors.forEach(a -> names.add(a.get("name").asText()));
        assertEquals(List.of(ReportFixtures.BASE, ReportFixtures.UNDECLARED), names);
        assertEquals("b".repeat(64), ancestors.at("/0/hashes/0/content").asText());
        assertEquals(List.of("confirmed"), properties(ancestors.get(0)).get("pedigree:lineage.status"));
        assertEquals(List.of("undeclared"), properties(ancestors.get(1)).get("pedigree:lineage.status"));
        assertTrue(model.at("/pedigree/variants").isMissingNode(), "every related model here has a known direction");
        assertTrue(model.at("/pedigree/notes").asText().contains(ReportFixtures.MISSING_BASE), model.at("/pedigree/notes").asText());

        JsonNode annotation = bom.at("/annotations/0");
        assertEquals("model:" + ReportFixtures.TARGET, annotation.at("/subjects/0").asText());
        assertEquals("pedigree", annotation.at("/annotator/component/name").asText());
        assertTrue(annotation.get("text").asText().contains("999 permutations"), annotation.get("text").asText());
    }

    @Test
    void relatedModelsOfUnknownDirectionAreVariants() throws Exception {
        Report r = Report.builder("compare").subject(new Subject("/m/a", "a", "onnx", "1".repeat(64), null))
                .subject(new Subject("/m/b", "b", "onnx", "2".repeat(64), null))
                .link(new TestedLink("/m/a", "/m/b", false, Evidence.WEIGHTS, LinkVerdict.RELATED, 1e-5, "related"))
                .weightComparison(new WeightComparison("/m/a", "/m/b", "related", 1e-5, 100, 3, null, 0.0, List.of(), Map.of(),
                        new WeightComparison.MpkNumbers(null, null, null, null, null, null, null, null, null, null, "Weak Match"), List.of(), List.of()))
                .build();
        JsonNode bom = JSON.readTree(CycloneDxBom.render(r));
        assertEquals(List.of(), JsonSchemas.cycloneDx16Errors(bom));
        JsonNode model = bom.at("/metadata/component");
        assertTrue(model.at("/pedigree/ancestors").isMissingNode());
        assertEquals("/m/b", model.at("/pedigree/variants/0/name").asText());
        assertEquals(List.of("related"), properties(model).get("pedigree:verdict"));
        assertEquals(List.of("100"), properties(model).get("pedigree:permutations"));
    }

    @Test
    void inspectReportIsAValidBomWithTheDigestAndNoPedigreeClaimsBeyondTheDeclared() throws Exception {
        JsonNode bom = JSON.readTree(CycloneDxBom.render(ReportFixtures.inspectReport()));
        assertEquals(List.of(), JsonSchemas.cycloneDx16Errors(bom));
        JsonNode model = bom.at("/metadata/component");
        assertTrue(model.at("/pedigree/ancestors").isMissingNode());
        assertTrue(model.at("/pedigree/notes").asText().contains("declared-only"));
    }

    @Test
    void theValidatorRejectsABrokenBom() throws Exception {
        ObjectNode bom = (ObjectNode) JSON.readTree(CycloneDxBom.render(ReportFixtures.mergedSetReport()));
        ((ObjectNode) bom.at("/metadata/component/hashes/0")).put("content", "not-hex");
        ((ObjectNode) bom.at("/metadata/component")).put("type", "model");
        List<String> errors = JsonSchemas.cycloneDx16Errors(bom);
        assertFalse(errors.isEmpty());
        assertTrue(errors.stream().anyMatch(e -> e.contains("/metadata/component/type")), errors.toString());
    }

    @Test
    void theSameReportGivesTheSameBom() {
        assertEquals(CycloneDxBom.render(ReportFixtures.mergedSetReport()), CycloneDxBom.render(ReportFixtures.mergedSetReport()));
    }
}
