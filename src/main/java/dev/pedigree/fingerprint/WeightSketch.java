package dev.pedigree.fingerprint;

import java.util.List;

/**
 * The fixed-length vector the first scan pass compares by cosine. Every part is unchanged by
 * permutations of hidden units, neurons, heads and tensor order, and by the overall scale of a
 * matrix, so a re-ordered or re-saved copy lands next to its original:
 * <ol>
 * <li>geometry: cosines between the embedding rows of the {@link CanonicalTokens#CORE} core tokens
 *     (0 where a token is missing) — 120 values;</li>
 * <li>embedding norms: log of each row-norm quantile over the median — 19 values;</li>
 * <li>spectra: per role (q k v o gate up down) and quarter of depth, the log of the 2nd..8th
 *     singular value over the largest, from the quarter's first layer — 196 values;</li>
 * <li>row norms: per role and quarter of depth, log of the 5/25/75/95% row-norm quantiles over the
 *     median — 112 values.</li>
 * </ol>
 * Each part is scaled to unit length, so the cosine of two sketches is the mean of the parts' cosines
 * (over parts present in both).
 */
public final class WeightSketch {
    /** Quantile levels kept for row norms: 0.05, 0.10, ..., 0.95. */
    public static final double[] QUANTILES = quantileLevels();
    static final String[] ROLES = {"q", "k", "v", "o", "gate", "up", "down"};
    static final int DEPTH_SLOTS = 4;
    static final int SPECTRUM = 8;
    private static final int[] ROW_QUANTILES = {0, 4, 14, 18};
    private static final int MEDIAN = 9;
    private static final int GEOMETRY = CanonicalTokens.CORE * (CanonicalTokens.CORE - 1) / 2;
    private static final int NORMS = QUANTILES.length;
    private static final int SPECTRA = ROLES.length * DEPTH_SLOTS * (SPECTRUM - 1);
    private static final int ROW_NORMS = ROLES.length * DEPTH_SLOTS * ROW_QUANTILES.length;
    public static final int LENGTH = GEOMETRY + NORMS + SPECTRA + ROW_NORMS;
    private static final int[] PARTS = {0, GEOMETRY, GEOMETRY + NORMS, GEOMETRY + NORMS + SPECTRA, LENGTH};

    private WeightSketch() {
    }

    private static double[] quantileLevels() {
        double[] q = new double[19];
        for (int i = 0; i < q.length; i++) {
            q[i] = 0.05 * (i + 1);
        }
        return q;
    }

    /**
     * @param coreRows  embedding rows of the core tokens, null where the vocabulary lacks one
     * @param normQuantiles embedding row-norm quantiles at {@link #QUANTILES}
     * @param layers    number of layers (for the depth quarters)
     */
    public static float[] of(float[][] coreRows, double[] normQuantiles, List<LayerSketch> sketches, int layers) {
        double[] v = new double[LENGTH];
        int o = 0;
        for (int i = 0; i < CanonicalTokens.CORE; i++) {
            for (int j = i + 1; j < CanonicalTokens.CORE; j++) {
                v[o++] = coreRows[i] == null || coreRows[j] == null ? 0 : cosine(coreRows[i], coreRows[j]);
            }
        }
        if (normQuantiles != null) {
            for (int i = 0; i < NORMS; i++) {
                v[o + i] = logRatio(normQuantiles[i], normQuantiles[MEDIAN]);
            }
        }
        o += NORMS;
        double[] spectra = new double[SPECTRA];
        double[] rowNorms = new double[ROW_NORMS];
        int[] counts = new int[ROLES.length * DEPTH_SLOTS];
        int[] spectrumCounts = new int[ROLES.length * DEPTH_SLOTS];
        for (LayerSketch s : sketches) {
            int role = roleIndex(s.role());
            if (role < 0) {
                continue;
            }
            int slot = Math.min(DEPTH_SLOTS - 1, s.layer() * DEPTH_SLOTS / Math.max(1, layers));
            int cell = role * DEPTH_SLOTS + slot;
            counts[cell]++;
            float[] sv = s.singularValues();
            if (sv.length > 0) {
                spectrumCounts[cell]++;
            }
            for (int i = 1; i < SPECTRUM && i < sv.length; i++) {
                spectra[cell * (SPECTRUM - 1) + i - 1] += logRatio(sv[i], sv[0]);
            }
            for (int i = 0; i < ROW_QUANTILES.length; i++) {
                rowNorms[cell * ROW_QUANTILES.length + i] += logRatio(s.rowNormQuantiles()[ROW_QUANTILES[i]], s.rowNormQuantiles()[MEDIAN]);
            }
        }
        for (int cell = 0; cell < counts.length; cell++) {
            for (int i = 0; i < SPECTRUM - 1 && spectrumCounts[cell] > 0; i++) {
                v[o + cell * (SPECTRUM - 1) + i] = spectra[cell * (SPECTRUM - 1) + i] / spectrumCounts[cell];
            }
        }
        o += SPECTRA;
        for (int cell = 0; cell < counts.length; cell++) {
            for (int i = 0; i < ROW_QUANTILES.length && counts[cell] > 0; i++) {
                v[o + cell * ROW_QUANTILES.length + i] = rowNorms[cell * ROW_QUANTILES.length + i] / counts[cell];
            }
        }
        float[] out = new float[LENGTH];
        for (int p = 0; p + 1 < PARTS.length; p++) {
            double n = 0;
            for (int i = PARTS[p]; i < PARTS[p + 1]; i++) {
                n += v[i] * v[i];
            }
            n = Math.sqrt(n);
            for (int i = PARTS[p]; i < PARTS[p + 1]; i++) {
                out[i] = n == 0 ? 0 : (float) (v[i] / n);
            }
        }
        return out;
    }

    /** Cosine of two sketches: the mean over parts present in both of the parts' cosines. */
    public static double similarity(float[] a, float[] b) {
        return similarity(a, partMask(a), b, 0, partMask(b));
    }

    /**
     * Bit {@code p} set when part {@code p} of {@code s} is present (not all zero). A sketch's parts are
     * scaled to unit length when written, so only presence matters to {@link #similarity}; the first
     * scan pass computes the masks once per entry instead of once per comparison.
     */
    static int partMask(float[] s) {
        return partMask(s, 0);
    }

    static int partMask(float[] s, int offset) {
        int mask = 0;
        for (int p = 0; p + 1 < PARTS.length; p++) {
            double n = 0;
            for (int i = PARTS[p]; i < PARTS[p + 1]; i++) {
                n += s[offset + i] * s[offset + i];
            }
            mask |= n > 0 ? 1 << p : 0;
        }
        return mask;
    }

    /**
     * {@link #similarity} of sketch {@code a} (parts {@code maskA}) and the sketch at {@code offset} in
     * {@code b} (parts {@code maskB}): the mean over parts present in both of their dot products.
     */
    static double similarity(float[] a, int maskA, float[] b, int offset, int maskB) {
        int both = maskA & maskB;
        double sum = 0;
        int parts = 0;
        for (int p = 0; p + 1 < PARTS.length; p++) {
            if ((both & 1 << p) == 0) {
                continue;
            }
            double dot = 0;
            for (int i = PARTS[p]; i < PARTS[p + 1]; i++) {
                dot += a[i] * b[offset + i];
            }
            sum += dot;
            parts++;
        }
        return parts == 0 ? 0 : sum / parts;
    }

    private static int roleIndex(String role) {
        for (int i = 0; i < ROLES.length; i++) {
            if (ROLES[i].equals(role)) {
                return i;
            }
        }
        return -1;
    }

    private static double logRatio(double x, double ref) {
        return x > 0 && ref > 0 ? Math.log(x / ref) : 0;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
