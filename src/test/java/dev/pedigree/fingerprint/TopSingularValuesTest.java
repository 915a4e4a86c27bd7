package dev.pedigree.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pedigree.bench.RandomPermutations;
import java.util.Arrays;
import java.util.Random;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_FDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F32;
import org.junit.jupiter.api.Test;

class TopSingularValuesTest {
    /** A 96×384 matrix with a decaying spectrum plus noise, as trained weights have. */
    private static float[] trainedLike(int rows, int cols, long seed) {
        Random r = new Random(seed);
        float[] w = new float[rows * cols];
        for (int k = 0; k < 24; k++) {
            double s = 10 * Math.pow(0.8, k);
            double[] u = new double[rows];
            double[] v = new double[cols];
            for (int i = 0; i < rows; i++) {
                u[i] = r.nextGaussian() / Math.sqrt(rows);
            }
            for (int j = 0; j < cols; j++) {
                v[j] = r.nextGaussian() / Math.sqrt(cols);
            }
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    w[i * cols + j] += (float) (s * u[i] * v[j]);
                }
            }
        }
        for (int i = 0; i < w.length; i++) {
            w[i] += (float) (0.01 * r.nextGaussian());
        }
        return w;
    }

    private static double[] fullSvd(float[] w, int rows, int cols) {
        SingularValueDecomposition_F32<FMatrixRMaj> svd = DecompositionFactory_FDRM.svd(rows, cols, false, false, true);
        svd.decompose(new FMatrixRMaj(rows, cols, true, w.clone()));
        float[] sv = svd.getSingularValues();
        double[] d = new double[svd.numberOfSingularValues()];
        for (int i = 0; i < d.length; i++) {
            d[i] = sv[i];
        }
        Arrays.sort(d);
        double[] top = new double[8];
        for (int i = 0; i < 8; i++) {
            top[i] = d[d.length - 1 - i];
        }
        return top;
    }

    @Test
    void topValuesAgreeWithEjmlFullSvd() {
        int rows = 96;
        int cols = 384;
        float[] w = trainedLike(rows, cols, 3);
        double[] exact = fullSvd(w, rows, cols);
        double[] fast = TopSingularValues.of(w, rows, cols, 8);
        for (int i = 0; i < 8; i++) {
            assertEquals(exact[i], fast[i], 1e-3 * exact[i], "singular value " + i);
        }
    }

    @Test
    void reorderingRowsAndColumnsKeepsTheValues() {
        int rows = 96;
        int cols = 384;
        float[] w = trainedLike(rows, cols, 4);
        Random r = new Random(5);
        int[] pr = RandomPermutations.uniform(rows, r);
        int[] pc = RandomPermutations.uniform(cols, r);
        float[] p = new float[w.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                p[i * cols + j] = w[pr[i] * cols + pc[j]];
            }
        }
        double[] a = TopSingularValues.of(w, rows, cols, 8);
        double[] b = TopSingularValues.of(p, rows, cols, 8);
        for (int i = 0; i < 8; i++) {
            assertEquals(a[i], b[i], 1e-3 * a[i], "singular value " + i);
        }
        // Transposing gives the same values too (the tall orientation takes the other code path in EJML).
        float[] t = new float[w.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = w[i * cols + j];
            }
        }
        double[] c = TopSingularValues.of(t, cols, rows, 8);
        for (int i = 0; i < 8; i++) {
            assertEquals(a[i], c[i], 1e-3 * a[i], "singular value " + i);
        }
    }
}
