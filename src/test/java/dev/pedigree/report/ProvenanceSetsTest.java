package dev.pedigree.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.provenance.MatrixRun;
import dev.pedigree.stats.DistanceMatrix;
import dev.pedigree.stats.ProvenanceMethod;
import dev.pedigree.stats.ProvenanceSet;
import dev.pedigree.stats.ProvenanceSetTest;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Real provenance-set runs (a planted matrix; the calibrated-real encoders) through the adapter into the report model. */
class ProvenanceSetsTest {
    @Test
    void aPlantedSourceBecomesAMemberALinkAndAFinding() {
        SplittableRandom random = new SplittableRandom(4);
        List<String> names = List.of("source", "m1", "m2", "m3", "m4");
        double[][] rows = new double[names.size()][120];
        for (int t = 0; t < 120; t++) {
            double prompt = 0.5 + 0.1 * random.nextGaussian();
            for (int i = 0; i < names.size(); i++) {
                rows[i][t] = prompt + (i == 0 ? -0.5 : 0) + 0.2 * random.nextGaussian();
            }
        }
        DistanceMatrix matrix = new DistanceMatrix(names, rows);
        ProvenanceSet set = ProvenanceSetTest.withDefaults().withMethod(ProvenanceMethod.MPS).withPermutations(199).withRandom(1).withThreads(1)
                .test(matrix, List.of());
        ReportBuilder b = Report.builder("set").subject(new Subject("t", "target", null, null, DeclaredLineageSummary.NONE));
        names.forEach(n -> b.subject(new Subject(n, "candidate", null, null, null)));
        ProvenanceSetSection section = ProvenanceSets.section(set, "t", null);
        b.provenanceSet(section).distances(ProvenanceSets.distances(matrix, "precomputed", null, Map.of()));
        ProvenanceSets.links(set, "t").forEach(b::link);
        ProvenanceSets.findings(set, "t").forEach(b::finding);
        Report r = b.build();

        assertEquals("source", section.members().getFirst().model(), section.toString());
        assertEquals(set.steps().size(), section.steps().size());
        assertEquals(0.005, section.members().getFirst().pValue(), 1e-12, "1/(R+1) with R = 199");
        assertTrue(r.findings().stream().anyMatch(f -> f.kind() == FindingKind.UNDECLARED_LINEAGE && f.models().contains("source")),
                "the target's card was read and declares nothing: " + r.findings());
        assertEquals(5, r.distances().candidates().size());
        assertTrue(r.distances().candidates().getFirst().median() < r.distances().candidates().get(1).median());
    }

    /** The calibrated-real pool (src/test/resources/calibrated) through provenance.MatrixRun into the report model. */
    static Report comparedSetsReport(String matrix, ProvenanceMethod headline) {
        try {
            Path file = Path.of(ProvenanceSetsTest.class.getResource("/calibrated/" + matrix).toURI());
            Path pairwise = Path.of(ProvenanceSetsTest.class.getResource("/calibrated/pairwise-means.csv").toURI());
            ProvenanceSetTest test = ProvenanceSetTest.withDefaults().withPermutations(199).withRandom(2).withThreads(1);
            return ProvenanceSets.matrix(new MatrixRun(file, pairwise, List.of(), test, headline).run());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void bothSetsTheBackgroundAndEveryExplanationReachTheSection() {
        Report r = comparedSetsReport("target-all-minilm-l6-v2-q.csv", ProvenanceMethod.CALIBRATED);
        ProvenanceSetSection s = r.provenanceSet();
        assertEquals("calibrated", s.method());
        assertEquals(List.of("all-minilm-l6-v2"), s.memberNames());
        ProvenanceSetSection beside = s.beside();
        assertEquals("mps", beside.method());
        assertEquals(5, beside.members().size());
        assertEquals(List.of(s.alpha(), (double) s.permutations(), (double) s.seed()),
                List.of(beside.alpha(), (double) beside.permutations(), (double) beside.seed()), "one α, R and seed for both");
        assertNull(beside.beside());
        assertNull(beside.background());
        assertTrue(beside.explanations().isEmpty());
        assertEquals(List.of("bge-small-zh"), beside.untested(), "the paper's run took five of six: the last one is untested");
        assertTrue(s.background().source().startsWith("pairwise:"));
        assertEquals(6, s.background().eccentricities().size());
        assertEquals(6, s.explanations().size());
        assertEquals(4, s.explanations().stream().filter(ProvenanceSetSection.Explanation::differs).count(),
                "four unrelated encoders are in the paper's set only: " + s.explanations());
        assertTrue(r.findings().stream().filter(f -> f.kind() == FindingKind.PROVENANCE_SET_MEMBER).allMatch(f -> f.models().contains("all-minilm-l6-v2")),
                "findings follow the headline set only: " + r.findings());
        assertTrue(r.findings().getFirst().evidence().getFirst().contains("z = "), "the calibrated step's statistic is a z: " + r.findings());
        assertTrue(ReportSummary.of(r).text().contains("beside it, mps: all-minilm-l6-v2, "), ReportSummary.of(r).text());
    }

    @Test
    void aReportWithBothSetsReadsBackAsTheSameReport() {
        Report r = comparedSetsReport("target-bge-small-en.csv", ProvenanceMethod.MPS);
        String json = ReportJson.render(r);
        Report read = ReportJson.read(json);
        assertEquals(json, ReportJson.render(read));
        assertEquals("calibrated", read.provenanceSet().beside().method());
        assertEquals(r.provenanceSet().explanations(), read.provenanceSet().explanations());
        assertEquals(r.provenanceSet().background(), read.provenanceSet().background());
    }

    @Test
    void theTableShowsBothSetsTheBackgroundAndEveryCandidate() {
        Report r = comparedSetsReport("target-all-minilm-l6-v2-q.csv", ProvenanceMethod.CALIBRATED);
        String table = ReportTableRenderer.render(r);
        assertTrue(table.contains("provenance set of target (method calibrated, alpha 0.05): all-minilm-l6-v2\n"), table);
        assertTrue(table.contains("beside it, method mps (alpha 0.05): all-minilm-l6-v2, bge-small-en-v1.5, e5-small-v2, bge-small-en, "
                + "bge-small-zh-v1.5\n"), table);
        assertTrue(table.contains("  calibrated background: pairwise:"), table);
        assertTrue(table.contains("    eccentricity all-minilm-l6-v2 "), table);
        assertTrue(table.contains("  bge-small-zh could not be tested"), "the paper's run left one model untested: " + table);
        for (ProvenanceSetSection.Explanation e : r.provenanceSet().explanations()) {
            String row = String.format(java.util.Locale.ROOT, "  %-32s %-10s %-14s %8.2f  %s", e.model(), e.inCalibratedSet() ? "in" : "out",
                    e.inPaperFaithfulSet() ? "in" : "out", e.backgroundZ(), e.text());
            assertTrue(table.contains(row + "\n"), "row for " + e.model() + " in " + table);
        }
        assertTrue(table.contains("  all-minilm-l6-v2                 in         in "), table);
        assertTrue(table.contains("  bge-small-zh-v1.5                out        in "), table);
    }
}
