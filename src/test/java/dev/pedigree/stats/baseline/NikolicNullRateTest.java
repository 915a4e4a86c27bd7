package dev.pedigree.stats.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.stats.baseline.NikolicProvenanceTest.Decision;
import dev.pedigree.stats.baseline.NikolicProvenanceTest.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Simulated pools where no candidate is related (every candidate matches the target with the same
 * probability). Because the best candidate is chosen from the data and then tested one-sidedly, with
 * two candidates a parent is declared whenever |z| exceeds the one-sided critical value: a false-parent
 * rate of about 2α, not α. These tests pin that behaviour so a change to it is noticed.
 */
class NikolicNullRateTest {
    private static MatchMatrix nullPool(SplittableRandom random, int candidates, int prompts, double rate) {
        boolean[][] rows = new boolean[candidates][prompts];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < candidates; i++) {
            names.add("c" + i);
            for (int t = 0; t < prompts; t++) {
                rows[i][t] = random.nextDouble() < rate;
            }
        }
        return new MatchMatrix(names, rows);
    }

    private static double falseParentRate(int candidates, int pools) {
        SplittableRandom random = new SplittableRandom(2025);
        NikolicProvenanceTest test = NikolicProvenanceTest.withDefaults();
        int declared = 0;
        for (int r = 0; r < pools; r++) {
            if (test.test(nullPool(random, candidates, 1000, 0.3)).decision() == Decision.PARENT) {
                declared++;
            }
        }
        return (double) declared / pools;
    }

    @Test
    void twoUnrelatedCandidatesGiveAFalseParentAboutTwiceAlpha() {
        // P(|Z| > 1.6449) = 0.10; 2000 pools: sd 0.0067, the band is about ±3 sd
        double rate = falseParentRate(2, 2000);
        assertTrue(rate > 0.08 && rate < 0.12, "false-parent rate " + rate);
    }

    @Test
    void largerNullPoolsStayBelowAlpha() {
        // the best must beat every other after Holm: with 5 exchangeable candidates that is rare
        double rate = falseParentRate(5, 1000);
        assertTrue(rate <= 0.05, "false-parent rate " + rate);
    }

    @Test
    void relabellingCandidatesRelabelsTheResult() {
        SplittableRandom random = new SplittableRandom(9);
        MatchMatrix pool = nullPool(random, 4, 500, 0.4);
        boolean[][] reversed = new boolean[4][];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            names.add(pool.candidates().get(3 - i));
            reversed[i] = new boolean[500];
            for (int t = 0; t < 500; t++) {
                reversed[i][t] = pool.matchCount(3 - i, t + 1) - pool.matchCount(3 - i, t) == 1;
            }
        }
        Result a = NikolicProvenanceTest.withDefaults().test(pool);
        Result b = NikolicProvenanceTest.withDefaults().test(new MatchMatrix(names, reversed));
        assertEquals(a.best(), b.best());
        assertEquals(a.decision(), b.decision());
        for (var c : a.comparisons()) {
            var d = b.comparisons().stream().filter(x -> x.candidate().equals(c.candidate())).findFirst().orElseThrow();
            assertEquals(c.pValue(), d.pValue());
            assertEquals(c.holmPValue(), d.holmPValue());
        }
    }
}
