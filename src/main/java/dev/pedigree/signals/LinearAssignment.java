package dev.pedigree.signals;

import java.util.Arrays;

/**
 * Maximum-weight matching of the rows of an {@code n × m} score matrix ({@code n ≤ m}) to distinct
 * columns: the shortest-augmenting-path method of Jonker and Volgenant with dual potentials, one row
 * added per phase, {@code O(n² m)} in the worst case and much less when a clear matching exists.
 */
public final class LinearAssignment {
    private LinearAssignment() {
    }

    /**
     * @param score row-major {@code n × m} similarities (larger is better)
     * @return for each row the column it is matched to
     */
    public static int[] maximise(double[] score, int n, int m) {
        if (n > m) {
            throw new IllegalArgumentException("more rows (" + n + ") than columns (" + m + ")");
        }
        if ((long) n * m != score.length) {
            throw new IllegalArgumentException("score has " + score.length + " entries, not " + n + "×" + m);
        }
        // Costs are negated scores; potentials u (rows) and v (columns), 1-based with column 0 as the
        // virtual start of each augmenting path.
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] rowOfColumn = new int[m + 1];
        int[] way = new int[m + 1];
        double[] minv = new double[m + 1];
        boolean[] used = new boolean[m + 1];
        for (int i = 1; i <= n; i++) {
            rowOfColumn[0] = i;
            int j0 = 0;
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = rowOfColumn[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                int base = (i0 - 1) * m;
                double ui0 = u[i0];
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double cur = -score[base + j - 1] - ui0 - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[rowOfColumn[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (rowOfColumn[j0] != 0);
            do {
                int j1 = way[j0];
                rowOfColumn[j0] = rowOfColumn[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] match = new int[n];
        for (int j = 1; j <= m; j++) {
            if (rowOfColumn[j] != 0) {
                match[rowOfColumn[j] - 1] = j - 1;
            }
        }
        return match;
    }
}
