package dev.pedigree.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Heterogeneous null pools — unrelated candidates whose expected distances differ (μ_i = τ·z_i) and whose
 * noise differs (σ_i from 0.5 to 2) — are where the paper's equal-means null is false although nothing is
 * related. The calibrated set must be non-empty at α = 0.1 in about 10% of pools: 300 pools, so the count
 * must lie in the binomial(300, 0.1) 99.9% band [14, 48] ({@code scipy.stats.binom.ppf(0.0005, 300, 0.1) = 14},
 * {@code binom.isf(0.0005, 300, 0.1) = 48}). The paper's method on the same pools must fall above that band
 * — the check can tell a calibrated test from an uncalibrated one.
 */
class CalibratedTypeOneErrorTest {
    private static final int POOLS = 300;
    private static final int LOW = 14;
    private static final int HIGH = 48;

    @Test
    void heterogeneousNullPoolsRejectAtTheLevelOnlyWhenCalibrated() {
        int calibrated = 0;
        int faithful = 0;
        SplittableRandom data = new SplittableRandom(41);
        ProvenanceSetTest test = ProvenanceSetTest.withDefaults().withAlpha(0.1).withPermutations(99).withThreads(1);
        for (int pool = 0; pool < POOLS; pool++) {
            DistanceMatrix m = heterogeneousNull(12, 400, 0.1, data);
            if (!test.withMethod(ProvenanceMethod.CALIBRATED).withRandom(pool).test(m, List.of()).members().isEmpty()) {
                calibrated++;
            }
            if (pool < 100 && !test.withMethod(ProvenanceMethod.MPS).withRandom(pool).test(m, List.of()).members().isEmpty()) {
                faithful++;
            }
        }
        assertTrue(calibrated >= LOW && calibrated <= HIGH, calibrated + " of " + POOLS + " heterogeneous null pools gave a non-empty "
                + "calibrated set at α = 0.1");
        // binomial(100, 0.1) 99.9% upper bound: scipy.stats.binom.isf(0.0005, 100, 0.1) = 21
        assertTrue(faithful > 21, "the paper's method rejected only " + faithful + " of 100 heterogeneous null pools");
    }

    @Test
    void equalMeansNullPoolsWithUnequalNoiseRejectAtTheLevel() {
        int calibrated = 0;
        SplittableRandom data = new SplittableRandom(42);
        ProvenanceSetTest test = ProvenanceSetTest.withDefaults().withMethod(ProvenanceMethod.CALIBRATED).withAlpha(0.1)
                .withPermutations(99).withThreads(1);
        for (int pool = 0; pool < POOLS; pool++) {
            if (!test.withRandom(pool).test(heterogeneousNull(8, 200, 0.0, data), List.of()).members().isEmpty()) {
                calibrated++;
            }
        }
        assertTrue(calibrated >= LOW && calibrated <= HIGH, calibrated + " of " + POOLS + " equal-means null pools gave a non-empty "
                + "calibrated set at α = 0.1");
    }

    /** m unrelated candidates: μ_i = τ·N(0,1), σ_i = exp(U(−ln 2, ln 2)). */
    static DistanceMatrix heterogeneousNull(int m, int prompts, double tau, SplittableRandom data) {
        double[] means = new double[m];
        double[] sigmas = new double[m];
        for (int i = 0; i < m; i++) {
            means[i] = tau * data.nextGaussian();
            sigmas[i] = Math.exp(Math.log(2) * (2 * data.nextDouble() - 1));
        }
        return SimulatedPools.pool(means, sigmas, prompts, data);
    }
}
