package dev.pedigree.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.stats.DistanceMatrix;
import dev.pedigree.stats.ProvenanceMethod;
import dev.pedigree.stats.ProvenanceSet;
import dev.pedigree.stats.ProvenanceSetTest;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A real MPS run on a planted matrix, through the adapter into the report model. */
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
}
