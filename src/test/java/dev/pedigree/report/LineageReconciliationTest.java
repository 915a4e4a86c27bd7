package dev.pedigree.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LineageReconciliationTest {
    private static Subject declaring(String name, String... bases) {
        return new Subject(name, "target", "safetensors", null, new DeclaredLineageSummary(true, List.of(bases), null, List.of()));
    }

    private static Subject plain(String name) {
        return new Subject(name, "candidate", "safetensors", null, DeclaredLineageSummary.NONE);
    }

    @Test
    void mergedReportPutsEachDeclaredParentBesideWhatWasFound() {
        Report r = ReportFixtures.mergedSetReport();
        Map<String, LineageEdge> byFrom = r.lineage().stream().collect(Collectors.toMap(LineageEdge::from, Function.identity()));
        assertEquals(3, r.lineage().size(), r.lineage().toString());
        LineageEdge base = byFrom.get(ReportFixtures.BASE);
        assertEquals(LineageEdge.Status.CONFIRMED, base.status());
        assertEquals(ReportFixtures.TARGET, base.to());
        assertEquals("finetune", base.relation());
        assertEquals(List.of(Evidence.DECLARED, Evidence.WEIGHTS, Evidence.BLACK_BOX), base.evidence());
        assertEquals(1.2e-9, base.pValue());
        assertEquals(LineageEdge.Status.DECLARED_ONLY, byFrom.get(ReportFixtures.MISSING_BASE).status());
        LineageEdge undeclared = byFrom.get(ReportFixtures.UNDECLARED);
        assertEquals(LineageEdge.Status.UNDECLARED, undeclared.status());
        assertTrue(undeclared.directionKnown());

        List<FindingKind> kinds = r.findings().stream().map(Finding::kind).toList();
        assertEquals(FindingKind.UNDECLARED_LINEAGE, kinds.getFirst(), "errors come first");
        assertTrue(kinds.containsAll(List.of(FindingKind.DECLARED_CONFIRMED, FindingKind.DECLARED_UNVERIFIED, FindingKind.PROVENANCE_SET_MEMBER,
                FindingKind.WEIGHT_LINK)), kinds.toString());
        assertFalse(kinds.contains(FindingKind.DECLARED_CONTRADICTED), kinds.toString());
        assertFalse(kinds.contains(FindingKind.EVIDENCE_DISAGREEMENT), "the unrelated candidate is unrelated by both kinds of evidence");
    }

    @Test
    void aDeclaredParentTheWeightsRejectIsAContradiction() {
        LineageReconciliation r = LineageReconciliation.of(List.of(declaring("hf:me/child", "org/parent"), plain("/models/parent")),
                List.of(new TestedLink("hf:me/child", "/models/parent", false, Evidence.WEIGHTS, LinkVerdict.UNRELATED, 0.7, "weights unrelated")));
        assertEquals(LineageEdge.Status.CONTRADICTED, r.edges().getFirst().status());
        assertEquals("/models/parent", r.edges().getFirst().from());
        Finding f = r.findings().getFirst();
        assertEquals(FindingKind.DECLARED_CONTRADICTED, f.kind());
        assertEquals("unrelated", f.verdict());
        assertEquals(0.7, f.pValue());
        assertTrue(f.message().contains("the weights say they are unrelated"), f.message());
    }

    @Test
    void aDeclaredParentLeftOutOfTheSetIsNotFound() {
        LineageReconciliation r = LineageReconciliation.of(List.of(declaring("t", "p"), plain("p"), plain("q")),
                List.of(new TestedLink("p", "t", true, Evidence.BLACK_BOX, LinkVerdict.NOT_FOUND, 0.4, "not in the set"),
                        new TestedLink("q", "t", true, Evidence.BLACK_BOX, LinkVerdict.NOT_FOUND, 0.4, "not in the set")));
        assertEquals(List.of(LineageEdge.Status.CONTRADICTED), r.edges().stream().map(LineageEdge::status).toList());
        assertEquals(List.of(FindingKind.DECLARED_CONTRADICTED), r.findings().stream().map(Finding::kind).toList());
        assertTrue(r.findings().getFirst().message().contains("the test did not find it"));
    }

    @Test
    void blackBoxAndWeightsDisagreeingIsFlagged() {
        LineageReconciliation r = LineageReconciliation.of(List.of(plain("t"), plain("c")),
                List.of(new TestedLink("c", "t", true, Evidence.BLACK_BOX, LinkVerdict.RELATED, 0.001, "in the set"),
                        new TestedLink("t", "c", false, Evidence.WEIGHTS, LinkVerdict.UNRELATED, 0.8, "weights unrelated")));
        List<FindingKind> kinds = r.findings().stream().map(Finding::kind).toList();
        assertEquals(List.of(FindingKind.EVIDENCE_DISAGREEMENT, FindingKind.UNDECLARED_LINEAGE), kinds);
        assertEquals("c", r.edges().getFirst().from(), "the black-box link knows the direction");
    }

    @Test
    void relatedWithoutDirectionIsAnUndirectedEdge() {
        LineageReconciliation r = LineageReconciliation.of(List.of(plain("a"), plain("b")),
                List.of(new TestedLink("a", "b", false, Evidence.WEIGHTS, LinkVerdict.RELATED, 1e-6, "related")));
        assertFalse(r.edges().getFirst().directionKnown());
        assertEquals("related", r.edges().getFirst().relation());
        assertTrue(r.findings().getFirst().message().contains("share an origin"));
    }

    @Test
    void aLinkBetweenModelsWhoseCardsWereNotReadIsFoundNotUndeclared() {
        LineageReconciliation r = LineageReconciliation.of(List.of(new Subject("t", "target", null, null, null), plain("c")),
                List.of(new TestedLink("c", "t", true, Evidence.BLACK_BOX, LinkVerdict.RELATED, 0.001, "in the set")));
        assertEquals(LineageEdge.Status.FOUND, r.edges().getFirst().status());
        assertTrue(r.findings().isEmpty(), r.findings().toString());
    }

    @Test
    void withoutTestsDeclaredLineageIsShownButNotJudged() {
        Report r = ReportFixtures.inspectReport();
        assertEquals(1, r.lineage().size());
        assertEquals(LineageEdge.Status.DECLARED_ONLY, r.lineage().getFirst().status());
        assertEquals("acme/base-7b", r.lineage().getFirst().from());
        assertTrue(r.findings().isEmpty());
    }

    @Test
    void declaredNamesMatchModelArgumentsByWholeNameOrLastSegment() {
        assertTrue(ModelNames.names("acme/base-7b", "hf:acme/base-7b@main"));
        assertTrue(ModelNames.names("Acme/Base-7B", "/data/models/base-7b/"));
        assertTrue(ModelNames.names("org/all-minilm-l6-v2", "maven:dev.example:all-minilm-l6-v2:1.0"));
        assertTrue(ModelNames.names("base-7b", "/data/base-7b.safetensors"));
        assertFalse(ModelNames.names("acme/base-7b", "hf:acme/base-7b-instruct"));
        assertFalse(ModelNames.names("bert-base", "maven:dev.example:bert-base-uncased:1.0"));
    }
}
