package dev.pedigree.report;

import java.util.Arrays;

/**
 * The distribution of one candidate's distances to the target over the prompts, summarised by
 * quantiles (linear interpolation between order statistics, numpy's default and R's type 7).
 *
 * @param model  the candidate
 * @param count  prompts
 */
public record DistanceSummary(String model, int count, double min, double p05, double q1, double median, double q3, double p95,
        double max, double mean) {

    /** Summarises {@code distances} (finite values, at least one). */
    public static DistanceSummary of(String model, double[] distances) {
        if (distances.length == 0) {
            throw new IllegalArgumentException("no distances for " + model);
        }
        double[] sorted = distances.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double d : sorted) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("a non-finite distance " + d + " for " + model);
            }
            sum += d;
        }
        return new DistanceSummary(model, sorted.length, sorted[0], quantile(sorted, 0.05), quantile(sorted, 0.25),
                quantile(sorted, 0.5), quantile(sorted, 0.75), quantile(sorted, 0.95), sorted[sorted.length - 1], sum / sorted.length);
    }

    /** The q-quantile of sorted values: position q·(n−1), interpolated linearly. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
