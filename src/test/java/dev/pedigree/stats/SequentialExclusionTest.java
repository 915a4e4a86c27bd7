package dev.pedigree.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sequential procedure's bookkeeping, with scripted steps and with real MPS steps on planted pools. */
class SequentialExclusionTest {

    /** A step that returns the nearest row by mean distance and a scripted p-value. */
    private static PoolStep scripted(double... pValues) {
        Deque<Double> queue = new ArrayDeque<>();
        for (double p : pValues) {
            queue.add(p);
        }
        return new PoolStep() {
            @Override
            public StepOutcome test(double[][] rows, SplittableRandom random) {
                int nearest = 0;
                for (int i = 1; i < rows.length; i++) {
                    if (rows[i][0] < rows[nearest][0]) {
                        nearest = i;
                    }
                }
                return new StepOutcome(nearest, rows[nearest][0], queue.remove());
            }

            @Override
            public String method() {
                return "scripted";
            }
        };
    }

    private static DistanceMatrix ordered(int m) {
        double[][] rows = new double[m][];
        for (int i = 0; i < m; i++) {
            rows[i] = new double[] {i, i};
        }
        return new DistanceMatrix(SimulatedPools.names(m), rows);
    }

    private static ProvenanceSet result(SequentialExclusion.Run run, List<String> candidates, double alpha) {
        return new ProvenanceSet("scripted", candidates, List.of(), alpha, List.of(0.01, 0.05, 0.1), 99, 1, run.steps(), run.end());
    }

    @Test
    void monotonePValuesGiveTheSetAtEveryLevelFromOneRun() {
        DistanceMatrix m = ordered(6);
        SequentialExclusion.Run run = new SequentialExclusion(scripted(0.001, 0.03, 0.02, 0.08, 0.5), 0.1, 1).run(m, List.of());
        assertEquals(StopReason.NOT_SIGNIFICANT, run.end());
        assertEquals(List.of(0.001, 0.03, 0.03, 0.08, 0.5), run.steps().stream().map(ExclusionStep::monotonePValue).toList());
        ProvenanceSet set = result(run, m.names(), 0.05);
        assertEquals(Map.of(0.01, List.of("g0"), 0.05, List.of("g0", "g1", "g2"), 0.1, List.of("g0", "g1", "g2", "g3")),
                set.setsByLevel());
        assertEquals(StopReason.NOT_SIGNIFICANT, set.stoppedBecause());
        Map<String, Double> ni = set.niScores();
        assertEquals(3.0, ni.get("g0"), 1e-12);
        assertEquals(-Math.log10(0.03), ni.get("g2"), 1e-12);
        // not in the set at 0.05: the score of the step that stopped it (step 4, p̂ = 0.08)
        assertEquals(-Math.log10(0.08), ni.get("g3"), 1e-12);
        assertEquals(-Math.log10(0.08), ni.get("g4"), 1e-12);
    }

    @Test
    void withoutReferencesAPoolOfOneCannotBeTested() {
        DistanceMatrix m = ordered(3);
        SequentialExclusion.Run run = new SequentialExclusion(scripted(0.001, 0.001), 0.1, 1).run(m, List.of());
        assertEquals(StopReason.POOL_REDUCED_TO_ONE_MODEL, run.end());
        assertEquals(2, run.steps().size());
        ProvenanceSet set = result(run, m.names(), 0.05);
        assertEquals(StopReason.POOL_REDUCED_TO_ONE_MODEL, set.stoppedBecause());
        assertTrue(set.niScores().get("g2").isNaN(), "the untested last model has no score");
    }

    @Test
    void referencesKeepThePoolTestableAndNeverEnterTheSet() {
        // rows 0 and 1 nearest, then the reference rows 2 and 3, then candidate 4
        DistanceMatrix m = ordered(5);
        SequentialExclusion.Run run = new SequentialExclusion(scripted(0.001, 0.002, 0.003), 0.1, 1).run(m, List.of("g2", "g3"));
        assertEquals(StopReason.NEAREST_IS_REFERENCE, run.end());
        assertEquals(List.of("g0", "g1", "g2"), run.steps().stream().map(ExclusionStep::model).toList());
        assertTrue(run.steps().get(2).reference());
        ProvenanceSet set = new ProvenanceSet("scripted", List.of("g0", "g1", "g4"), List.of("g2", "g3"), 0.05,
                List.of(0.05), 99, 1, run.steps(), run.end());
        assertEquals(List.of("g0", "g1"), set.setsByLevel().get(0.05));
        assertEquals(StopReason.NEAREST_IS_REFERENCE, set.stoppedBecause());
        assertFalse(set.niScores().containsKey("g2"), "references get no NI-score");
    }

    @Test
    void withReferencesTheLastCandidateIsTestedToo() {
        double[][] rows = {{0, 0}, {5, 5}, {1, 1}};
        DistanceMatrix m = new DistanceMatrix(List.of("a", "ref", "b"), rows);
        SequentialExclusion.Run run = new SequentialExclusion(scripted(0.001, 0.004), 0.1, 1).run(m, List.of("ref"));
        assertEquals(StopReason.ALL_CANDIDATES_IN_SET, run.end());
        assertEquals(List.of("a", "b"), run.steps().stream().map(ExclusionStep::model).toList());
    }

    @Test
    void plantedSourcesAreFoundFirstAtTheSmallestPValue() {
        double[] means = new double[20];
        means[4] = -0.4;
        means[15] = -0.3;
        DistanceMatrix pool = SimulatedPools.pool(means, SimulatedPools.filled(20, 1), 400, new SplittableRandom(21));
        ProvenanceSet set = ProvenanceSetTest.withDefaults().withPermutations(199).withRandom(2).test(pool, List.of());
        assertEquals(List.of("g4", "g15"), set.steps().subList(0, 2).stream().map(ExclusionStep::model).toList());
        assertEquals(1.0 / 200, set.steps().get(0).pValue());
        assertEquals(1.0 / 200, set.steps().get(1).pValue());
        assertTrue(set.members().size() >= 2);
    }

    @Test
    void realStepWithReferencesEndsWhenAReferenceIsNearest() {
        // source g0, references r1, r2 nearer than the unrelated candidate g3
        double[] means = {-0.5, -0.2, -0.2, 0.3};
        DistanceMatrix raw = SimulatedPools.pool(means, SimulatedPools.filled(4, 0.5), 300, new SplittableRandom(4));
        DistanceMatrix pool = new DistanceMatrix(List.of("g0", "r1", "r2", "g3"), raw.rows());
        ProvenanceSet set = ProvenanceSetTest.withDefaults().withPermutations(199).withRandom(1).test(pool, List.of("r1", "r2"));
        assertEquals(List.of("g0"), set.members().stream().map(ExclusionStep::model).toList());
        assertEquals(StopReason.NEAREST_IS_REFERENCE, set.stoppedBecause());
        assertEquals(List.of("g0", "g3"), set.candidates());
    }

    @Test
    void aTestObjectRefusesToRunWithoutPermutationsOrSeed() {
        DistanceMatrix m = ordered(3);
        assertThrows(IllegalStateException.class, () -> ProvenanceSetTest.withDefaults().withRandom(1).test(m, List.of()));
        assertThrows(IllegalStateException.class, () -> ProvenanceSetTest.withDefaults().withPermutations(99).test(m, List.of()));
        assertThrows(IllegalArgumentException.class, () -> ProvenanceSetTest.withDefaults().withAlpha(1.0));
        assertThrows(IllegalArgumentException.class, () -> ProvenanceSetTest.withDefaults().withPermutations(99).withRandom(1)
                .test(m, List.of("g0", "g1", "g2")));
        assertThrows(IllegalArgumentException.class, () -> ProvenanceSetTest.withDefaults().withPermutations(99).withRandom(1)
                .test(m, List.of("nobody")));
    }
}
