package dev.pedigree.stats.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.error.BadInputException;
import dev.pedigree.stats.baseline.NikolicProvenanceTest.Comparison;
import dev.pedigree.stats.baseline.NikolicProvenanceTest.Decision;
import dev.pedigree.stats.baseline.NikolicProvenanceTest.Method;
import dev.pedigree.stats.baseline.NikolicProvenanceTest.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NikolicProvenanceTestTest {
    /** A matrix whose candidate i matches on {@code counts[i]} of n prompts, spread by a seeded shuffle. */
    private static MatchMatrix matrix(int n, int... counts) {
        SplittableRandom random = new SplittableRandom(42);
        boolean[][] rows = new boolean[counts.length][n];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            names.add("m" + i);
            for (int t = 0; t < counts[i]; t++) {
                rows[i][t] = true;
            }
            for (int t = n - 1; t > 0; t--) {
                int j = random.nextInt(t + 1);
                boolean swap = rows[i][t];
                rows[i][t] = rows[i][j];
                rows[i][j] = swap;
            }
        }
        return new MatchMatrix(names, rows);
    }

    @Test
    void clearParentIsDeclared() {
        // scipy: z(400,1000,c,1000)[1] for c in (200,210,190), then holm(...) (see TwoProportionZTestTest)
        Result r = NikolicProvenanceTest.withDefaults().test(matrix(1000, 400, 200, 210, 190));
        assertEquals("m0", r.best());
        assertEquals(0.4, r.bestMatchRate());
        assertEquals(Decision.PARENT, r.decision());
        assertEquals("m0", r.parent().orElseThrow());
        double[] p = {8.4405148057263657e-23, 1.381754592637854e-20, 3.6453970516746296e-25};
        double[] holm = {1.6881029611452731e-22, 1.381754592637854e-20, 1.0936191155023888e-24};
        for (int k = 0; k < 3; k++) {
            Comparison c = r.comparisons().get(k);
            assertEquals("m" + (k + 1), c.candidate());
            assertEquals(Method.Z_TEST, c.method());
            assertEquals(p[k], c.pValue(), 1e-9 * p[k]);
            assertEquals(holm[k], c.holmPValue(), 1e-9 * holm[k]);
            assertTrue(c.significant());
        }
    }

    @Test
    void mixedPoolSwitchesToFisherAndOneCloseRivalBlocksTheParent() {
        // n=1000, counts [250,300,200,3,290], best index 1; per pair Fisher when a cell < 5 else z;
        // p = z(300,1000,c,1000)[1] or fisher_exact([[300,700],[3,997]],alternative='greater')[1]; holm(p)
        Result r = NikolicProvenanceTest.withDefaults().test(matrix(1000, 250, 300, 200, 3, 290));
        assertEquals(1, r.bestIndex());
        List<Comparison> cs = r.comparisons();
        assertEquals(List.of(Method.Z_TEST, Method.Z_TEST, Method.FISHER_EXACT, Method.Z_TEST),
                cs.stream().map(Comparison::method).toList());
        double[] p = {0.0061413694861887011, 1.2087819405595123e-07, 1.4116123982787108e-96, 0.31195380729621747};
        double[] holm = {0.012282738972377402, 3.6263458216785367e-07, 5.6464495931148431e-96, 0.31195380729621747};
        for (int k = 0; k < 4; k++) {
            assertEquals(p[k], cs.get(k).pValue(), 1e-9 * p[k]);
            assertEquals(holm[k], cs.get(k).holmPValue(), 1e-9 * holm[k]);
        }
        assertEquals(List.of(true, true, true, false), cs.stream().map(Comparison::significant).toList());
        assertEquals(Decision.NO_PARENT, r.decision());
        assertTrue(r.parent().isEmpty());
    }

    @Test
    void nearTiedCandidatesGiveNoParent() {
        Result r = NikolicProvenanceTest.withDefaults().test(matrix(2000, 900, 905, 300, 310));
        assertEquals("m1", r.best());
        assertEquals(Decision.NO_PARENT, r.decision());
        Comparison rival = r.comparisons().getFirst();
        assertEquals("m0", rival.candidate());
        assertFalse(rival.significant());
    }

    @Test
    void exactTieGoesToTheLowestIndexAndIsNeverSignificant() {
        Result r = NikolicProvenanceTest.withDefaults().test(matrix(500, 100, 300, 300));
        assertEquals(1, r.bestIndex());
        Comparison tied = r.comparisons().get(1);
        assertEquals(2, tied.index());
        assertEquals(0, tied.statistic());
        assertEquals(0.5, tied.pValue());
        assertEquals(Decision.NO_PARENT, r.decision());
    }

    @Test
    void singleCandidateIsNotTestable() {
        Result r = NikolicProvenanceTest.withDefaults().test(matrix(100, 60));
        assertEquals(Decision.NOT_TESTABLE, r.decision());
        assertEquals(0.6, r.bestMatchRate());
        assertTrue(r.comparisons().isEmpty());
        assertTrue(r.parent().isEmpty());
    }

    @Test
    void stricterAlphaWithdrawsAMarginalParent() {
        // z(60,100,45,100)[1] = 0.0168 with one comparison: a parent at 0.05, none at 0.01
        boolean[][] rows = new boolean[2][100];
        for (int t = 0; t < 60; t++) {
            rows[0][t] = true;
        }
        for (int t = 0; t < 45; t++) {
            rows[1][t] = true;
        }
        MatchMatrix m = new MatchMatrix(List.of("a", "b"), rows);
        assertEquals(0.016836034428172927, NikolicProvenanceTest.withDefaults().test(m).comparisons().getFirst().pValue(), 1e-12);
        assertEquals(Decision.PARENT, NikolicProvenanceTest.withDefaults().test(m).decision());
        assertEquals(Decision.NO_PARENT, NikolicProvenanceTest.withDefaults().withAlpha(0.01).test(m).decision());
    }

    @Test
    void onlyTheFirstMaxPromptsAreUsed() {
        boolean[][] rows = new boolean[2][6000];
        for (int t = 5000; t < 6000; t++) {
            rows[0][t] = true; // every match of candidate 0 lies beyond prompt 5000
        }
        MatchMatrix m = new MatchMatrix(List.of("a", "b"), rows);
        Result r = NikolicProvenanceTest.withDefaults().test(m);
        assertEquals(5000, r.prompts());
        assertEquals(0, r.bestMatches());
        assertEquals(6000, NikolicProvenanceTest.withDefaults().withMaxPrompts(6000).test(m).prompts());
    }

    @Test
    void configurationIsImmutableAndValidated() {
        NikolicProvenanceTest defaults = NikolicProvenanceTest.withDefaults();
        NikolicProvenanceTest strict = defaults.withAlpha(0.01).withMaxPrompts(100);
        assertEquals(0.05, defaults.alpha());
        assertEquals(5000, defaults.maxPrompts());
        assertEquals(0.01, strict.alpha());
        assertEquals(100, strict.maxPrompts());
        assertThrows(BadInputException.class, () -> defaults.withAlpha(0));
        assertThrows(BadInputException.class, () -> defaults.withAlpha(Double.NaN));
        assertThrows(BadInputException.class, () -> defaults.withMaxPrompts(0));
    }

    @Test
    void matrixWithoutPromptsIsRefused() {
        MatchMatrix empty = new MatchMatrix(List.of("a", "b"), new boolean[2][0]);
        assertThrows(BadInputException.class, () -> NikolicProvenanceTest.withDefaults().test(empty));
    }
}
