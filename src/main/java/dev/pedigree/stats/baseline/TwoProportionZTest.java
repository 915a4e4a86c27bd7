package dev.pedigree.stats.baseline;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * One-sided two-proportion z-test with pooled variance, alternative {@code p1 > p2}:
 * {@code z = (x1/n1 − x2/n2) / sqrt(p̂(1−p̂)(1/n1 + 1/n2))}, {@code p̂ = (x1+x2)/(n1+n2)}, p = 1 − Φ(z).
 * When p̂ is 0 or 1 both samples are identical and carry no evidence: z = 0 and p = 1 is reported
 * rather than a 0/0.
 */
public final class TwoProportionZTest {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private TwoProportionZTest() {
    }

    /** The z statistic; 0 when the pooled proportion is 0 or 1. */
    public static double statistic(long x1, long n1, long x2, long n2) {
        checkCounts(x1, n1);
        checkCounts(x2, n2);
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double variance = pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2);
        if (variance == 0) {
            return 0;
        }
        return ((double) x1 / n1 - (double) x2 / n2) / Math.sqrt(variance);
    }

    /** The one-sided p-value for {@code p1 > p2}; 1 when the pooled proportion is 0 or 1. */
    public static double pValue(long x1, long n1, long x2, long n2) {
        double pooled = (double) (x1 + x2) / (n1 + n2);
        if (pooled == 0 || pooled == 1) {
            checkCounts(x1, n1);
            checkCounts(x2, n2);
            return 1;
        }
        // the upper tail directly, not 1 − Φ(z), so tiny p-values keep their digits
        return STANDARD_NORMAL.cumulativeProbability(-statistic(x1, n1, x2, n2));
    }

    static void checkCounts(long x, long n) {
        if (n <= 0 || x < 0 || x > n) {
            throw new IllegalArgumentException("need 0 <= successes <= trials and trials > 0, got " + x + " of " + n);
        }
    }
}
