package dev.pedigree.signals;

import org.apache.commons.math3.special.Gamma;

/**
 * Fisher's method: {@code -2 Σ ln pᵢ} follows χ² with {@code 2k} degrees of freedom when the k
 * p-values are independent and uniform. The upper tail is the regularised upper incomplete gamma
 * function, which keeps its relative accuracy far below 1e-16.
 */
public final class FisherCombination {
    private FisherCombination() {
    }

    public static double combine(double[] pValues) {
        if (pValues.length == 0) {
            return Double.NaN;
        }
        double x = 0;
        for (double p : pValues) {
            x += -2 * Math.log(p);
        }
        return Gamma.regularizedGammaQ(pValues.length, x / 2);
    }
}
