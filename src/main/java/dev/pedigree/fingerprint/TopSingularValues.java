package dev.pedigree.fingerprint;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_FDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F32;

/**
 * The largest singular values of a matrix by randomized subspace iteration (Halko, Martinsson and
 * Tropp 2011, algorithm 4.4): a seeded Gaussian block of {@code k + 4} columns, {@link #ITERATIONS}
 * power iterations with re-orthonormalisation, then EJML's SVD of the small projected matrix. A full
 * SVD of every 384×1536 matrix of an encoder costs seconds; this costs milliseconds and gives the
 * top values to about 1e-3 relative on trained weights (checked against EJML's full SVD in the test).
 * The values do not depend on the order of rows or columns beyond that error.
 */
final class TopSingularValues {
    static final int ITERATIONS = 3;
    private static final int OVERSAMPLE = 4;
    private static final long SEED = 0x5eed5eedL;

    private TopSingularValues() {
    }

    /** The {@code k} largest singular values of row-major {@code rows × cols} {@code w}, descending. */
    static double[] of(float[] w, int rows, int cols, int k) {
        int p = Math.min(Math.min(rows, cols), k + OVERSAMPLE);
        SplittableRandom rnd = new SplittableRandom(SEED);
        double[] omega = new double[cols * p];
        for (int i = 0; i < omega.length; i++) {
            omega[i] = gaussian(rnd);
        }
        double[] y = times(w, rows, cols, omega, p);
        orthonormalise(y, rows, p);
        for (int it = 0; it < ITERATIONS; it++) {
            double[] z = transposeTimes(w, rows, cols, y, p);
            orthonormalise(z, cols, p);
            y = times(w, rows, cols, z, p);
            orthonormalise(y, rows, p);
        }
        // B = Yᵀ W, p × cols.
        FMatrixRMaj b = new FMatrixRMaj(p, cols);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < p; j++) {
                double yrj = y[r * p + j];
                if (yrj == 0) {
                    continue;
                }
                int bo = j * cols;
                int wo = r * cols;
                for (int c = 0; c < cols; c++) {
                    b.data[bo + c] += (float) (yrj * w[wo + c]);
                }
            }
        }
        SingularValueDecomposition_F32<FMatrixRMaj> svd = DecompositionFactory_FDRM.svd(p, cols, false, false, true);
        if (!svd.decompose(b)) {
            return new double[0];
        }
        double[] s = new double[svd.numberOfSingularValues()];
        float[] sv = svd.getSingularValues();
        for (int i = 0; i < s.length; i++) {
            s[i] = sv[i];
        }
        Arrays.sort(s);
        double[] top = new double[Math.min(k, s.length)];
        for (int i = 0; i < top.length; i++) {
            top[i] = s[s.length - 1 - i];
        }
        return top;
    }

    /** W (rows × cols) times X (cols × p). */
    private static double[] times(float[] w, int rows, int cols, double[] x, int p) {
        double[] out = new double[rows * p];
        for (int r = 0; r < rows; r++) {
            int wo = r * cols;
            int oo = r * p;
            for (int c = 0; c < cols; c++) {
                double wv = w[wo + c];
                if (wv == 0) {
                    continue;
                }
                int xo = c * p;
                for (int j = 0; j < p; j++) {
                    out[oo + j] += wv * x[xo + j];
                }
            }
        }
        return out;
    }

    /** Wᵀ (cols × rows) times Y (rows × p). */
    private static double[] transposeTimes(float[] w, int rows, int cols, double[] y, int p) {
        double[] out = new double[cols * p];
        for (int r = 0; r < rows; r++) {
            int wo = r * cols;
            int yo = r * p;
            for (int c = 0; c < cols; c++) {
                double wv = w[wo + c];
                if (wv == 0) {
                    continue;
                }
                int oo = c * p;
                for (int j = 0; j < p; j++) {
                    out[oo + j] += wv * y[yo + j];
                }
            }
        }
        return out;
    }

    /** Modified Gram–Schmidt on the p columns of row-major {@code n × p} {@code m}, twice for stability. */
    private static void orthonormalise(double[] m, int n, int p) {
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < p; j++) {
                for (int i = 0; i < j; i++) {
                    double dot = 0;
                    for (int r = 0; r < n; r++) {
                        dot += m[r * p + i] * m[r * p + j];
                    }
                    for (int r = 0; r < n; r++) {
                        m[r * p + j] -= dot * m[r * p + i];
                    }
                }
                double norm = 0;
                for (int r = 0; r < n; r++) {
                    norm += m[r * p + j] * m[r * p + j];
                }
                norm = Math.sqrt(norm);
                for (int r = 0; r < n; r++) {
                    m[r * p + j] = norm > 1e-300 ? m[r * p + j] / norm : 0;
                }
            }
        }
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box–Muller; one value per call keeps the draw order simple.
        double u1 = 1.0 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
