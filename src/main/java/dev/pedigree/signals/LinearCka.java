package dev.pedigree.signals;

import java.util.stream.IntStream;

/**
 * Linear centred kernel alignment of two representations of the same items (Kornblith et al., 2019):
 * {@code ||XᵀY||²_F / (||XᵀX||_F ||YᵀY||_F)} after centring the columns. It does not change under
 * any orthogonal map or isotropic scaling of either side, so hidden-unit permutations leave it as is.
 */
public final class LinearCka {
    private LinearCka() {
    }

    /** @param x row-major {@code n × dx}, @param y row-major {@code n × dy} */
    public static double of(float[] x, int dx, float[] y, int dy, int n) {
        double[] cx = centred(x, n, dx);
        double[] cy = centred(y, n, dy);
        double xy = crossNormSquared(cx, dx, cy, dy, n);
        double xx = crossNormSquared(cx, dx, cx, dx, n);
        double yy = crossNormSquared(cy, dy, cy, dy, n);
        return xx == 0 || yy == 0 ? Double.NaN : xy / Math.sqrt(xx * yy);
    }

    private static double[] centred(float[] m, int n, int d) {
        double[] mean = new double[d];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < d; c++) {
                mean[c] += m[r * d + c];
            }
        }
        double[] out = new double[n * d];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < d; c++) {
                out[r * d + c] = m[r * d + c] - mean[c] / n;
            }
        }
        return out;
    }

    /**
     * {@code ||AᵀB||²_F} for row-major {@code n × da} and {@code n × db}. Rows of {@code AᵀB} are
     * computed in blocks, one block per task, so that each row of B read serves the whole block from
     * cache; every entry still sums over the n items in order.
     */
    private static double crossNormSquared(double[] a, int da, double[] b, int db, int n) {
        double[] prod = new double[Math.multiplyExact(da, db)];
        IntStream.range(0, (da + RowSimilarity.BLOCK - 1) / RowSimilarity.BLOCK).parallel().forEach(block -> {
            int from = block * RowSimilarity.BLOCK;
            int to = Math.min(da, from + RowSimilarity.BLOCK);
            for (int r = 0; r < n; r++) {
                int bo = r * db;
                for (int i = from; i < to; i++) {
                    double av = a[r * da + i];
                    int o = i * db;
                    for (int j = 0; j < db; j++) {
                        prod[o + j] += av * b[bo + j];
                    }
                }
            }
        });
        double s = 0;
        for (double v : prod) {
            s += v * v;
        }
        return s;
    }
}
