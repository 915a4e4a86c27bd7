package dev.pedigree.signals;

import java.util.stream.IntStream;

/**
 * Cosine similarity between every row of one matrix and every row of another ({@code nA × nB}),
 * computed as one product of the row-normalised matrices with the inner loop running along B's
 * rows so that it vectorises; blocks of A's rows are spread over the available cores.
 */
public final class RowSimilarity {
    /** Rows of A per block: their output rows (16 × nB floats) stay in the second-level cache. */
    static final int BLOCK = 16;

    private RowSimilarity() {
    }

    /**
     * @param a row-major {@code nA × width}
     * @param b row-major {@code nB × width}
     * @return row-major {@code nA × nB} cosines (0 where a row is all zeros)
     */
    public static float[] cosine(float[] a, int nA, float[] b, int nB, int width) {
        float[] na = normalisedRows(a, nA, width);
        float[] nbT = transpose(normalisedRows(b, nB, width), nB, width);
        float[] out = new float[Math.multiplyExact(nA, nB)];
        // Blocks of A's rows share each pass over B: one row of B's transpose serves the whole block
        // from cache, so memory traffic falls by the block size. Each cosine still sums over k in order.
        IntStream.range(0, (nA + BLOCK - 1) / BLOCK).parallel().forEach(block -> {
            int from = block * BLOCK;
            int to = Math.min(nA, from + BLOCK);
            for (int k = 0; k < width; k++) {
                int bo = k * nB;
                for (int i = from; i < to; i++) {
                    float av = na[i * width + k];
                    if (av == 0) {
                        continue;
                    }
                    int o = i * nB;
                    for (int j = 0; j < nB; j++) {
                        out[o + j] += av * nbT[bo + j];
                    }
                }
            }
        });
        return out;
    }

    static float[] normalisedRows(float[] m, int rows, int width) {
        float[] out = new float[m.length];
        for (int r = 0; r < rows; r++) {
            double s = Statistics.dot(m, r * width, m, r * width, width);
            if (s > 0) {
                float inv = (float) (1 / Math.sqrt(s));
                for (int k = 0; k < width; k++) {
                    out[r * width + k] = m[r * width + k] * inv;
                }
            }
        }
        return out;
    }

    public static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }
}
