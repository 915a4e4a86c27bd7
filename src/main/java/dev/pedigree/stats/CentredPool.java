package dev.pedigree.stats;

/**
 * The active pool's distances centred per prompt, {@code E[i][t] = L[i][t] − mean_{j∈S} L[j][t]},
 * stored prompt-major ({@code columns[t·m + i]}) so that a permutation replicate walks one short column
 * per prompt. Built once per step; every replicate reads it.
 *
 * <p>Studentisation: {@code t_i = d_i / sqrt(max(v_i, ε))} with {@code d_i} the mean of row i,
 * {@code v_i} its unbiased variance divided by N. The floor {@code ε = 1e-12 · Σ E² / (m·N·N)} — a
 * millionth of the pooled standard error, squared — only matters for a row that is (nearly) constant
 * after centring. It is chosen relative to the data so that t is unchanged when all distances are
 * scaled by a positive constant, and it is the same for every replicate because a within-prompt
 * permutation keeps {@code Σ E²}. When every centred value is 0 it falls back to
 * {@link Double#MIN_NORMAL} (then all t are 0 and the p-value is 1).
 *
 * <p>Sums and sums of squares are accumulated in prompt order, for the observed arrangement and for
 * every replicate alike, so a replicate that reproduces the observed arrangement reproduces {@code T}
 * bit for bit (the {@code ≤} in the p-value then counts it).
 */
final class CentredPool {
    final int models;
    final int prompts;
    final double[] columns;
    private final double floor;

    private CentredPool(int models, int prompts, double[] columns, double floor) {
        this.models = models;
        this.prompts = prompts;
        this.columns = columns;
        this.floor = floor;
    }

    static CentredPool of(double[][] rows) {
        int m = rows.length;
        int n = rows[0].length;
        double[] columns = new double[m * n];
        double sumSquares = 0;
        for (int t = 0; t < n; t++) {
            double c = 0;
            for (int i = 0; i < m; i++) {
                c += rows[i][t];
            }
            c /= m;
            int base = t * m;
            for (int i = 0; i < m; i++) {
                double e = rows[i][t] - c;
                columns[base + i] = e;
                sumSquares += e * e;
            }
        }
        double floor = 1e-12 * sumSquares / ((double) m * n * n);
        return new CentredPool(m, n, columns, floor > 0 ? floor : Double.MIN_NORMAL);
    }

    /** {@code t = d / sqrt(max(v, ε))} from a row's sum and sum of squares over the N prompts. */
    double studentise(double sum, double sumSquares) {
        double mean = sum / prompts;
        double variance = (sumSquares - sum * mean) / (prompts - 1);
        return mean / Math.sqrt(Math.max(variance / prompts, floor));
    }

    /** The studentised mean centred distance of every model, observed arrangement. */
    double[] observedStatistics() {
        double[] sum = new double[models];
        double[] squares = new double[models];
        for (int t = 0; t < prompts; t++) {
            int base = t * models;
            for (int i = 0; i < models; i++) {
                double e = columns[base + i];
                sum[i] += e;
                squares[i] += e * e;
            }
        }
        double[] stats = new double[models];
        for (int i = 0; i < models; i++) {
            stats[i] = studentise(sum[i], squares[i]);
        }
        return stats;
    }
}
