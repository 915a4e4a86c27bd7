package dev.pedigree.fingerprint;

import java.util.List;

/**
 * Input-embedding rows of the canonical token sample ({@link CanonicalTokens}), keyed by normalised
 * token text so two models with different vocabularies meet on the tokens they share. Each row is
 * stored as int8 with its own absmax scale: correlations of hidden units over these rows move by
 * well under 1e-2, far below what separates related from unrelated models.
 *
 * @param tokens normalised token text per row
 * @param dim    row length (hidden size)
 * @param scales per row, the value an int8 of 127 stands for
 * @param values row-major int8 values, {@code tokens.size() × dim}
 */
public record AnchorRows(List<String> tokens, int dim, float[] scales, byte[] values) {

    public static AnchorRows quantise(List<String> tokens, int dim, float[] rows) {
        float[] scales = new float[tokens.size()];
        byte[] q = new byte[tokens.size() * dim];
        for (int r = 0; r < tokens.size(); r++) {
            float max = 0;
            for (int c = 0; c < dim; c++) {
                max = Math.max(max, Math.abs(rows[r * dim + c]));
            }
            scales[r] = max;
            for (int c = 0; c < dim; c++) {
                q[r * dim + c] = max == 0 ? 0 : (byte) Math.round(rows[r * dim + c] / max * 127f);
            }
        }
        return new AnchorRows(List.copyOf(tokens), dim, scales, q);
    }

    /** Row {@code r} decoded to floats. */
    public float[] row(int r) {
        float[] out = new float[dim];
        float s = scales[r] / 127f;
        for (int c = 0; c < dim; c++) {
            out[c] = values[r * dim + c] * s;
        }
        return out;
    }

    public int count() {
        return tokens.size();
    }
}
