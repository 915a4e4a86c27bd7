package dev.pedigree.stats.baseline;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm–Bonferroni step-down adjusted p-values: with the m p-values sorted ascending,
 * {@code adj(k) = min(1, max_{j ≤ k} (m − j + 1)·p(j))}. Rejecting every hypothesis whose adjusted
 * p-value is at most α is Holm's procedure at family-wise level α. Ties keep their input order, which
 * does not change any adjusted value.
 */
public final class HolmCorrection {
    private HolmCorrection() {
    }

    /** Adjusted p-values in the order of {@code pValues}. */
    public static double[] adjust(double[] pValues) {
        int m = pValues.length;
        for (double p : pValues) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("p-values must lie in [0, 1], got " + p);
            }
        }
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
