package dev.pedigree.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What must not change the result: prompt offsets, the thread count, re-running with the same seed. */
class ProvenanceSetInvarianceTest {
    private static final ProvenanceSetTest TEST = ProvenanceSetTest.withDefaults().withPermutations(499).withRandom(7);

    /** 12 candidates, 200 prompts, two planted sources (g3 strong, g8 weaker) and unequal σ. */
    private static DistanceMatrix plantedPool() {
        double[] means = new double[12];
        means[3] = -0.35;
        means[8] = -0.2;
        double[] sigmas = new double[12];
        for (int i = 0; i < 12; i++) {
            sigmas[i] = 0.5 + 0.1 * i;
        }
        return SimulatedPools.pool(means, sigmas, 200, new SplittableRandom(3));
    }

    @Test
    void addingAConstantPerPromptChangesNothing() {
        DistanceMatrix base = plantedPool();
        SplittableRandom offsets = new SplittableRandom(5);
        double[][] shifted = base.rows().clone();
        double[] offset = new double[base.prompts()];
        for (int t = 0; t < offset.length; t++) {
            offset[t] = 10 * offsets.nextDouble() - 5;
        }
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = shifted[i].clone();
            for (int t = 0; t < offset.length; t++) {
                shifted[i][t] += offset[t];
            }
        }
        ProvenanceSet a = TEST.test(base, List.of());
        ProvenanceSet b = TEST.test(new DistanceMatrix(base.names(), shifted), List.of());
        assertEquals(a.steps().size(), b.steps().size());
        for (int k = 0; k < a.steps().size(); k++) {
            ExclusionStep x = a.steps().get(k);
            ExclusionStep y = b.steps().get(k);
            assertEquals(x.model(), y.model());
            assertEquals(x.statistic(), y.statistic(), 1e-9 * Math.abs(x.statistic()));
            assertEquals(x.pValue(), y.pValue());
        }
        assertEquals(a.setsByLevel(), b.setsByLevel());
        double[] ta = ProvenanceSetTest.statistics(base);
        double[] tb = ProvenanceSetTest.statistics(new DistanceMatrix(base.names(), shifted));
        for (int i = 0; i < ta.length; i++) {
            assertEquals(ta[i], tb[i], 1e-9, "t of row " + i);
        }
    }

    @Test
    void relabellingTheCandidatesRelabelsTheOutput() {
        DistanceMatrix base = plantedPool();
        int m = base.models();
        // reverse the rows and give them other names: row i of the new matrix is row m-1-i of the old
        List<String> names = new ArrayList<>();
        double[][] rows = new double[m][];
        for (int i = 0; i < m; i++) {
            names.add("model-" + (m - 1 - i));
            rows[i] = base.rows()[m - 1 - i];
        }
        ProvenanceSet a = TEST.test(base, List.of());
        ProvenanceSet b = TEST.test(new DistanceMatrix(names, rows), List.of());
        double[] ta = ProvenanceSetTest.statistics(base);
        double[] tb = ProvenanceSetTest.statistics(new DistanceMatrix(names, rows));
        for (int i = 0; i < m; i++) {
            assertEquals(ta[m - 1 - i], tb[i], 1e-12 * (1 + Math.abs(ta[i])), "t of relabelled row " + i);
        }
        assertEquals(List.of("g3", "g8"), a.members().stream().map(ExclusionStep::model).toList());
        assertEquals(List.of("model-3", "model-8"), b.members().stream().map(ExclusionStep::model).toList());
        // the replicates fall on other positions after relabelling: same distribution, another draw
        for (int k = 0; k < Math.min(a.steps().size(), b.steps().size()); k++) {
            double p = a.steps().get(k).pValue();
            assertEquals(p, b.steps().get(k).pValue(), 4.5 * Math.sqrt(p * (1 - p) / 499) + 2.0 / 500, "step " + (k + 1));
        }
    }

    @Test
    void sameSeedGivesTheSameResultAndAnotherSeedAnotherDraw() {
        DistanceMatrix null5 = SimulatedPools.pool(new double[5], SimulatedPools.filled(5, 1), 60, new SplittableRandom(9));
        ProvenanceSet a = TEST.test(null5, List.of());
        assertEquals(a, TEST.test(null5, List.of()));
        ProvenanceSet other = TEST.withRandom(8).test(null5, List.of());
        assertNotEquals(a.steps().getFirst().pValue(), other.steps().getFirst().pValue(),
                "a null step's p-value is a random draw: another seed gives another value");
    }

    @Test
    void oneTwoAndFourThreadsGiveTheSameResult() {
        DistanceMatrix pool = plantedPool();
        ProvenanceSet one = TEST.withThreads(1).test(pool, List.of());
        assertEquals(one, TEST.withThreads(2).test(pool, List.of()));
        assertEquals(one, TEST.withThreads(4).test(pool, List.of()));
    }
}
