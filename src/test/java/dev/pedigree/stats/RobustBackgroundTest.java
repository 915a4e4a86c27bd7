package dev.pedigree.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Median and normal-consistent MAD against scipy; the spread once the sampling noise is taken out. */
class RobustBackgroundTest {
    @Test
    void locationAndScaleMatchScipy() {
        // numpy.median(x), scipy.stats.median_abs_deviation(x, scale='normal')
        //   x = [0.31, 0.12, 0.55, 0.47, 0.29, 0.90, 0.05] -> 0.31, 0.2816944215160644
        RobustBackground odd = RobustBackground.of(new double[] {0.31, 0.12, 0.55, 0.47, 0.29, 0.90, 0.05}, new double[7]);
        assertEquals(0.31, odd.location(), 1e-15);
        assertEquals(0.2816944215160644, odd.scale(), 1e-12);
        assertEquals(odd.scale(), odd.spread(), 1e-15);
        //   x = [0.31, 0.12, 0.55, 0.47, 0.29, 0.90] -> 0.39, 0.1927382884057283
        RobustBackground even = RobustBackground.of(new double[] {0.31, 0.12, 0.55, 0.47, 0.29, 0.90}, new double[6]);
        assertEquals(0.39, even.location(), 1e-15);
        assertEquals(0.1927382884057283, even.scale(), 1e-12);
    }

    @Test
    void spreadRemovesTheMedianSamplingVarianceAndStopsAtZero() {
        double[] means = {0.31, 0.12, 0.55, 0.47, 0.29, 0.90, 0.05};
        double scale = 0.2816944215160644;
        double[] noise = {0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07};
        RobustBackground b = RobustBackground.of(means, noise);
        assertEquals(Math.sqrt(scale * scale - 0.04), b.spread(), 1e-12);
        RobustBackground noisy = RobustBackground.of(means, new double[] {1, 1, 1, 1, 1, 1, 1});
        assertEquals(0, noisy.spread());
        assertEquals(-0.26 / scale, b.z(0.05), 1e-12);
    }

    @Test
    void aPoolWithoutSpreadGivesZeroForTheTypicalModelAndInfinityForAnyOther() {
        RobustBackground flat = RobustBackground.of(new double[] {0.4, 0.4, 0.4, 0.1}, new double[4]);
        assertEquals(0, flat.scale());
        assertEquals(0, flat.z(0.4));
        assertEquals(Double.NEGATIVE_INFINITY, flat.z(0.1));
    }
}
