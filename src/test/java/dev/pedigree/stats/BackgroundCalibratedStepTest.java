package dev.pedigree.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The calibrated step and the sequential procedure around it: planted sources, invariances, determinism. */
class BackgroundCalibratedStepTest {
    private static final ProvenanceSetTest CALIBRATED = ProvenanceSetTest.withDefaults().withMethod(ProvenanceMethod.CALIBRATED)
            .withPermutations(499).withRandom(11);

    /** 30 unrelated candidates spread τ = 0.1 apart, and sources g0 … g(k−1) 1.0 nearer (10 background SDs). */
    private static DistanceMatrix planted(int sources, long seed) {
        SplittableRandom data = new SplittableRandom(seed);
        double[] means = new double[30];
        double[] sigmas = new double[30];
        for (int i = 0; i < 30; i++) {
            means[i] = i < sources ? -1.0 : 0.1 * data.nextGaussian();
            sigmas[i] = 0.5 + data.nextDouble();
        }
        return SimulatedPools.pool(means, sigmas, 500, data);
    }

    @Test
    void plantedSourcesEnterTheSetAndNothingElse() {
        for (int k : new int[] {1, 2, 5}) {
            ProvenanceSet set = CALIBRATED.test(planted(k, 100 + k), List.of());
            List<String> members = set.members().stream().map(ExclusionStep::model).sorted().toList();
            assertEquals(SimulatedPools.names(k), members, k + " sources: " + set.steps());
            assertEquals(StopReason.NOT_SIGNIFICANT, set.stoppedBecause());
        }
    }

    @Test
    void theStatisticIsTheRobustZOfTheNearestMeanAndTheNullMinimumIsCounted() {
        DistanceMatrix m = planted(1, 7);
        BackgroundCalibratedStep.Fit fit = BackgroundCalibratedStep.fit(m.rows());
        StepOutcome outcome = new BackgroundCalibratedStep(499).test(m.rows(), new SplittableRandom(3));
        assertEquals(0, outcome.nearest());
        assertEquals((fit.means()[0] - fit.background().location()) / fit.background().scale(), outcome.statistic(), 1e-12);
        assertTrue(outcome.statistic() < -5, "source z " + outcome.statistic());
        assertEquals(1.0 / 500, outcome.pValue(), 1e-15);
        // without the source, the nearest unrelated model is an ordinary minimum of 29: no evidence
        double[][] rest = java.util.Arrays.copyOfRange(m.rows(), 1, 30);
        assertTrue(new BackgroundCalibratedStep(499).test(rest, new SplittableRandom(3)).pValue() > 0.1);
    }

    @Test
    void anAffineChangeOfTheDistancesAndAConstantPerPromptChangeNothing() {
        DistanceMatrix m = planted(2, 9);
        double[][] moved = new double[m.models()][m.prompts()];
        for (int i = 0; i < m.models(); i++) {
            for (int t = 0; t < m.prompts(); t++) {
                moved[i][t] = 3.0 + 2.5 * m.rows()[i][t] + Math.sin(t);
            }
        }
        StepOutcome a = new BackgroundCalibratedStep(199).test(m.rows(), new SplittableRandom(5));
        StepOutcome b = new BackgroundCalibratedStep(199).test(moved, new SplittableRandom(5));
        assertEquals(a.nearest(), b.nearest());
        assertEquals(a.statistic(), b.statistic(), 1e-9 * Math.abs(a.statistic()));
        assertEquals(a.pValue(), b.pValue(), 1.0 / 200);
    }

    @Test
    void theSameSeedGivesTheSameRunBitForBit() {
        DistanceMatrix m = CalibratedTypeOneErrorTest.heterogeneousNull(10, 100, 0.2, new SplittableRandom(8));
        ProvenanceSet first = CALIBRATED.test(m, List.of());
        ProvenanceSet second = CALIBRATED.test(m, List.of());
        assertEquals(first, second);
        double[] p = CALIBRATED.withRandom(12).test(m, List.of()).steps().stream().mapToDouble(ExclusionStep::pValue).toArray();
        double[] q = CALIBRATED.withRandom(12).withThreads(1).test(m, List.of()).steps().stream().mapToDouble(ExclusionStep::pValue).toArray();
        assertArrayEquals(p, q);
    }

    @Test
    void referenceModelsStayInTheBackgroundAndNeverEnterTheSet() {
        DistanceMatrix m = planted(1, 13);
        ProvenanceSet set = CALIBRATED.test(m, List.of("g0", "g1"));
        assertTrue(set.members().isEmpty(), set.steps().toString());
        assertEquals(StopReason.NEAREST_IS_REFERENCE, set.stoppedBecause());
    }
}
