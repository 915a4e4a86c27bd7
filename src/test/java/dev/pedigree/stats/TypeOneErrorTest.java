package dev.pedigree.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Null pools (μ_i = 0): the set must be non-empty at α = 0.1 in about 10% of pools. 400 pools, so the
 * count of non-empty sets must lie in the binomial(400, 0.1) 99.9% band [22, 61]
 * ({@code scipy.stats.binom.ppf(0.0005, 400, 0.1) = 22}, {@code binom.isf(0.0005, 400, 0.1) = 61}).
 * With R = 99, α·(R+1) = 10 is an integer, so the level is exact under exchangeability; with unequal σ
 * the candidates are not exchangeable and the fresh studentisation is what keeps the level.
 */
class TypeOneErrorTest {
    private static final int POOLS = 400;

    @Test
    void nullPoolsWithEqualVariancesRejectAtTheLevel() {
        assertInBand(rejections(SimulatedPools.filled(6, 1.0), 31));
    }

    @Test
    void nullPoolsWithUnequalVariancesRejectAtTheLevel() {
        assertInBand(rejections(new double[] {0.3, 0.5, 1.0, 1.0, 2.0, 4.0}, 32));
    }

    private static int rejections(double[] sigmas, long seed) {
        SplittableRandom data = new SplittableRandom(seed);
        ProvenanceSetTest test = ProvenanceSetTest.withDefaults().withAlpha(0.1).withPermutations(99).withThreads(1);
        int nonEmpty = 0;
        for (int pool = 0; pool < POOLS; pool++) {
            DistanceMatrix m = SimulatedPools.pool(new double[sigmas.length], sigmas, 200, data);
            if (!test.withRandom(pool).test(m, List.of()).members().isEmpty()) {
                nonEmpty++;
            }
        }
        return nonEmpty;
    }

    private static void assertInBand(int nonEmpty) {
        assertTrue(nonEmpty >= 22 && nonEmpty <= 61, nonEmpty + " of " + POOLS + " null pools gave a non-empty set at α = 0.1");
    }
}
