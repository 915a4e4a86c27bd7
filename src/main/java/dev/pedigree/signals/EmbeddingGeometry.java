package dev.pedigree.signals;

import dev.pedigree.model.TensorInfo;
import dev.pedigree.tokenizer.SharedTokens;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The two input embeddings compared on the tokens both vocabularies share: linear CKA of the rows
 * of a seeded sample of shared tokens, and the matching of hidden units (embedding columns) that
 * best correlates them, which later puts every weight of B in A's hidden frame.
 *
 * @param sharedTokens  tokens with the same normalised text in both vocabularies
 * @param sampledTokens how many of them were used
 * @param cka           linear CKA of the sampled rows (invariant to any orthogonal map of either side)
 * @param hiddenMap     per hidden unit of A its partner in B, or -1
 * @param medianCorrelation median correlation of matched columns over the sampled tokens
 */
public record EmbeddingGeometry(int sharedTokens, int sampledTokens, double cka, int[] hiddenMap, double medianCorrelation) {

    static EmbeddingGeometry of(CountedReads a, TensorInfo embA, CountedReads b, TensorInfo embB, SharedTokens shared,
            int maxTokens, long seed) {
        int n = Math.min(maxTokens, shared.count());
        int[] pick = sample(shared.count(), n, seed);
        int[] idsA = new int[n];
        int[] idsB = new int[n];
        for (int i = 0; i < n; i++) {
            idsA[i] = shared.idsA()[pick[i]];
            idsB[i] = shared.idsB()[pick[i]];
        }
        int dA = Math.toIntExact(embA.rowLength());
        int dB = Math.toIntExact(embB.rowLength());
        float[] xa = rows(a, embA, idsA);
        float[] xb = rows(b, embB, idsB);
        double cka = LinearCka.of(xa, dA, xb, dB, n);
        // Column correlations = cosines of centred columns.
        float[] colsA = RowSimilarity.transpose(centred(xa, n, dA), n, dA);
        float[] colsB = RowSimilarity.transpose(centred(xb, n, dB), n, dB);
        float[] corr = RowSimilarity.cosine(colsA, dA, colsB, dB, n);
        int[] map = UnitMatching.match(corr, dA, dB);
        return new EmbeddingGeometry(shared.count(), n, cka, map, Statistics.median(UnitMatching.matchedValues(corr, dB, map)));
    }

    /** {@code n} distinct indices below {@code total}, drawn with the seed, in increasing order. */
    static int[] sample(int total, int n, long seed) {
        int[] all = new int[total];
        for (int i = 0; i < total; i++) {
            all[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            int j = i + rnd.nextInt(total - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = Arrays.copyOf(all, n);
        Arrays.sort(out);
        return out;
    }

    /** The rows of {@code ids} in that order, each read alone so that only the sampled rows are touched. */
    private static float[] rows(CountedReads s, TensorInfo t, int[] ids) {
        int[] sorted = ids.clone();
        java.util.Arrays.sort(sorted);
        s.prefetchRows(t, sorted);
        int d = Math.toIntExact(t.rowLength());
        float[] out = new float[ids.length * d];
        for (int i = 0; i < ids.length; i++) {
            System.arraycopy(s.readRows(t, ids[i], 1), 0, out, i * d, d);
        }
        return out;
    }

    private static float[] centred(float[] m, int n, int d) {
        double[] mean = new double[d];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < d; c++) {
                mean[c] += m[r * d + c];
            }
        }
        float[] out = new float[m.length];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < d; c++) {
                out[r * d + c] = (float) (m[r * d + c] - mean[c] / n);
            }
        }
        return out;
    }

    public int matchedHiddenUnits() {
        int n = 0;
        for (int b : hiddenMap) {
            n += b >= 0 ? 1 : 0;
        }
        return n;
    }
}
