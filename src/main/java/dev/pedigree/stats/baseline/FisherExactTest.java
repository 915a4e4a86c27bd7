package dev.pedigree.stats.baseline;

import org.apache.commons.math3.distribution.HypergeometricDistribution;

/**
 * One-sided Fisher exact test on the 2×2 table {@code [[x1, n1−x1], [x2, n2−x2]]}, alternative
 * {@code p1 > p2} (odds ratio above 1) — the same direction as {@link TwoProportionZTest}. With the
 * margins fixed, the top-left cell is hypergeometric (population n1+n2, x1+x2 successes, n1 draws)
 * and p = P(X ≥ x1). Commons Math evaluates each term by a saddle-point expansion rather than from
 * log-factorials, whose cancellation at thousands of prompts costs about 1e-11 of relative accuracy.
 */
public final class FisherExactTest {
    private FisherExactTest() {
    }

    /**
     * The sample odds ratio {@code x1(n2−x2) / ((n1−x1)x2)}: +∞ when only the denominator is 0 and
     * NaN when both are (the table then has no information on the odds).
     */
    public static double statistic(long x1, long n1, long x2, long n2) {
        TwoProportionZTest.checkCounts(x1, n1);
        TwoProportionZTest.checkCounts(x2, n2);
        double numerator = (double) x1 * (n2 - x2);
        double denominator = (double) (n1 - x1) * x2;
        return numerator / denominator;
    }

    /** The one-sided p-value P(X ≥ x1) for {@code p1 > p2}. */
    public static double pValue(long x1, long n1, long x2, long n2) {
        TwoProportionZTest.checkCounts(x1, n1);
        TwoProportionZTest.checkCounts(x2, n2);
        if (n1 + n2 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Fisher exact test needs n1 + n2 < 2^31, got " + (n1 + n2));
        }
        var cell = new HypergeometricDistribution(null, (int) (n1 + n2), (int) (x1 + x2), (int) n1);
        return Math.min(1, cell.upperCumulativeProbability((int) x1));
    }
}
