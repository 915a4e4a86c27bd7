package dev.pedigree.stats;

import java.util.Arrays;

/**
 * The background of unrelated distances, estimated from the pool itself: the models' mean distances to
 * the target are treated as draws from one background distribution (unrelated models differ from one
 * another, so their means spread), a few of which — the target's relatives — lie far below it.
 *
 * <p>Location is the median of the means and scale the normal-consistent MAD ({@code 1.4826·MAD}); both
 * ignore up to half the pool, so the relatives being tested do not drag the background towards
 * themselves. The scale includes each mean's own sampling error: {@code spread² = max(0, scale² − median v)}
 * separates the between-model spread τ from the per-prompt noise, with {@code v_i} the squared standard
 * error of model i's mean. The spread is used only to simulate the null ({@link BackgroundCalibratedStep});
 * the statistic itself divides by {@code scale}, so it studentises itself and its null distribution
 * does not depend on the background's location or scale.
 *
 * @param location median of the means
 * @param scale    1.4826 × the median absolute deviation of the means from {@code location}
 * @param spread   the between-model standard deviation τ̂ left once the median squared standard error
 *                 is taken out of {@code scale²}
 */
public record RobustBackground(double location, double scale, double spread) {
    /** Makes the MAD a consistent estimate of the standard deviation of a normal distribution. */
    static final double MAD_TO_SD = 1.482602218505602;

    /**
     * @param means     each model's mean (centred) distance to the target
     * @param variances each mean's squared standard error
     */
    public static RobustBackground of(double[] means, double[] variances) {
        double location = median(means.clone());
        double[] deviations = new double[means.length];
        for (int i = 0; i < means.length; i++) {
            deviations[i] = Math.abs(means[i] - location);
        }
        double scale = MAD_TO_SD * median(deviations);
        double noise = median(variances.clone());
        double spread = Math.sqrt(Math.max(0, scale * scale - noise));
        return new RobustBackground(location, scale, spread);
    }

    /**
     * The robust z of a mean, {@code (mean − location) / scale}: how many background standard deviations
     * a model lies below (negative) or above the typical model. 0 when the pool has no spread at all.
     */
    public double z(double mean) {
        double deviation = mean - location;
        if (deviation == 0) {
            return 0;
        }
        return scale > 0 ? deviation / scale : Math.copySign(Double.POSITIVE_INFINITY, deviation);
    }

    /** Sorts in place and returns the median (the mean of the two middle values for an even count). */
    static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
    }
}
