package dev.pedigree.signals.mpk;

import dev.pedigree.model.Role;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.TensorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What MPK extracts from one model's weights for its five weight signals. Tensors are chosen by role
 * rather than MPK's name keywords, so the same tensors are found in any format: norms are the 1-D
 * norm weights and biases, per-layer tensors carry a layer index, WVC takes the attention and MLP
 * matrices.
 *
 * @param easSelfSim   K×K cosine matrix of the L2-normalised anchor rows, or null
 * @param endHistogram 20-bin share of embedding row norms over [min, max], or null
 * @param nlfVector    concatenated norm vectors ("direct") or [mean, std, max, min] per vector ("stats")
 * @param lepProfile   per-layer sum of Frobenius norms divided by its maximum
 * @param wvc          per layer, the strided samples of its attention and MLP matrices, in file order
 */
public record MpkWeightFeatures(
        double[][] easSelfSim,
        double[] endHistogram,
        double[] nlfVector,
        String nlfMode,
        int nlfCount,
        double[] lepProfile,
        Map<Integer, double[]> wvc) {

    static final int END_BINS = 20;
    static final int WVC_SUBSAMPLE = 4096;
    private static final int MIN_ANCHORS = 16;
    private static final int NORM_MIN_LENGTH = 64;
    private static final int ROW_BLOCK = 4096;

    public static MpkWeightFeatures extract(TensorStore store, int[] anchorIds) {
        return extract(store, anchorIds, true);
    }

    /**
     * @param wholeMatrices whether to compute END, LEP and WVC, which read every embedding row and every
     *                      matrix; without them (a comparison on a read budget) only EAS and NLF are extracted
     */
    public static MpkWeightFeatures extract(TensorStore store, int[] anchorIds, boolean wholeMatrices) {
        double[][] selfSim = null;
        double[] hist = null;
        Optional<TensorInfo> emb = store.find(Role.EMBEDDING, -1);
        if (emb.isPresent() && emb.get().rank() == 2 && anchorIds.length >= MIN_ANCHORS) {
            selfSim = anchorSelfSimilarity(store, emb.get(), anchorIds);
            hist = wholeMatrices ? normHistogram(rowNorms(store, emb.get())) : null;
        }
        List<float[]> norms = new ArrayList<>();
        for (TensorInfo t : store.tensors()) {
            if (t.role().role().isNorm() && t.rank() == 1 && t.elementCount() >= NORM_MIN_LENGTH) {
                norms.add(store.read(t));
            }
        }
        double[] nlf = null;
        String mode = null;
        if (!norms.isEmpty()) {
            boolean sameLength = norms.stream().mapToInt(a -> a.length).distinct().count() == 1;
            mode = sameLength ? "direct" : "stats";
            nlf = sameLength ? concat(norms) : stats(norms);
        }
        TreeMap<Integer, Double> energy = new TreeMap<>();
        TreeMap<Integer, List<float[]>> wvcParts = new TreeMap<>();
        for (TensorInfo t : store.tensors()) {
            int layer = t.role().layer();
            if (!wholeMatrices || layer < 0 || t.rank() < 2) {
                continue;
            }
            Role r = t.role().role();
            boolean wvc = r.isAttention() || r.isMlp();
            float[] all = store.read(t);
            double sq = 0;
            for (float x : all) {
                sq += (double) x * x;
            }
            energy.merge(layer, Math.sqrt(sq), Double::sum);
            if (wvc) {
                wvcParts.computeIfAbsent(layer, k -> new ArrayList<>()).add(strided(all));
            }
        }
        double[] lep = null;
        if (!energy.isEmpty()) {
            lep = new double[energy.lastKey() + 1];
            double max = 0;
            for (Map.Entry<Integer, Double> e : energy.entrySet()) {
                lep[e.getKey()] = e.getValue();
                max = Math.max(max, e.getValue());
            }
            if (max > 1e-8) {
                for (int i = 0; i < lep.length; i++) {
                    lep[i] /= max;
                }
            }
        }
        Map<Integer, double[]> wvc = wholeMatrices ? new TreeMap<>() : null;
        wvcParts.forEach((layer, parts) -> wvc.put(layer, concat(parts)));
        return new MpkWeightFeatures(selfSim, hist, nlf, mode, norms.size(), lep, wvc);
    }

    private static double[][] anchorSelfSimilarity(TensorStore store, TensorInfo emb, int[] ids) {
        int d = Math.toIntExact(emb.rowLength());
        double[][] rows = new double[ids.length][d];
        for (int i = 0; i < ids.length; i++) {
            float[] r = store.readRows(emb, ids[i], 1);
            double n = 0;
            for (float x : r) {
                n += (double) x * x;
            }
            n = Math.max(Math.sqrt(n), 1e-8);
            for (int k = 0; k < d; k++) {
                rows[i][k] = r[k] / n;
            }
        }
        double[][] sim = new double[ids.length][ids.length];
        for (int i = 0; i < ids.length; i++) {
            for (int j = i; j < ids.length; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += rows[i][k] * rows[j][k];
                }
                sim[i][j] = s;
                sim[j][i] = s;
            }
        }
        return sim;
    }

    /** L2 norm of every embedding row, as float32 like torch computes them. */
    static float[] rowNorms(TensorStore store, TensorInfo emb) {
        int rows = Math.toIntExact(emb.rows());
        int d = Math.toIntExact(emb.rowLength());
        float[] norms = new float[rows];
        for (int first = 0; first < rows; first += ROW_BLOCK) {
            int count = Math.min(ROW_BLOCK, rows - first);
            float[] block = store.readRows(emb, first, count);
            for (int r = 0; r < count; r++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    double x = block[r * d + k];
                    s += x * x;
                }
                norms[first + r] = (float) Math.sqrt(s);
            }
        }
        return norms;
    }

    /**
     * numpy's {@code histogram(x, bins=20, density=True)} normalised to sum 1, i.e. the share of values
     * per bin, binned in float32 as numpy does for float32 input (last bin closed).
     */
    static double[] normHistogram(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min == max) {
            // numpy widens a zero range to [min - 0.5, max + 0.5]: every value lands in the middle bin.
            min -= 0.5f;
            max += 0.5f;
        }
        float[] edges = new float[END_BINS + 1];
        for (int i = 0; i <= END_BINS; i++) {
            edges[i] = (float) (min + (double) i * ((double) max - min) / END_BINS);
        }
        float norm = END_BINS / (max - min);
        long[] counts = new long[END_BINS];
        for (float v : values) {
            int idx = (int) ((v - min) * norm);
            if (idx == END_BINS) {
                idx--;
            }
            if (v < edges[idx]) {
                idx--;
            } else if (idx != END_BINS - 1 && v >= edges[idx + 1]) {
                idx++;
            }
            counts[idx]++;
        }
        double width = ((double) max - min) / END_BINS;
        double[] density = new double[END_BINS];
        double sum = 0;
        for (int i = 0; i < END_BINS; i++) {
            density[i] = counts[i] / (values.length * width);
            sum += density[i];
        }
        for (int i = 0; i < END_BINS; i++) {
            density[i] /= sum + 1e-10;
        }
        return density;
    }

    /** MPK's WVC sample: every {@code n // 4096}-th element, at most 4096 of them. */
    static float[] strided(float[] flat) {
        int n = flat.length;
        if (n <= WVC_SUBSAMPLE) {
            return flat;
        }
        int stride = n / WVC_SUBSAMPLE;
        float[] out = new float[WVC_SUBSAMPLE];
        for (int i = 0; i < WVC_SUBSAMPLE; i++) {
            out[i] = flat[i * stride];
        }
        return out;
    }

    private static double[] concat(List<float[]> parts) {
        int n = parts.stream().mapToInt(a -> a.length).sum();
        double[] out = new double[n];
        int o = 0;
        for (float[] p : parts) {
            for (float x : p) {
                out[o++] = x;
            }
        }
        return out;
    }

    private static double[] stats(List<float[]> vectors) {
        double[] out = new double[4 * vectors.size()];
        for (int i = 0; i < vectors.size(); i++) {
            double[] s = chunkStats(vectors.get(i), 0, vectors.get(i).length);
            System.arraycopy(s, 0, out, 4 * i, 4);
        }
        return out;
    }

    /** [mean, std, max, min] of {@code v[from, to)}, as float32 numpy reports them. */
    static double[] chunkStats(float[] v, int from, int to) {
        double sum = 0;
        float mx = Float.NEGATIVE_INFINITY;
        float mn = Float.POSITIVE_INFINITY;
        for (int i = from; i < to; i++) {
            sum += v[i];
            mx = Math.max(mx, v[i]);
            mn = Math.min(mn, v[i]);
        }
        int n = to - from;
        double mean = sum / n;
        double ss = 0;
        for (int i = from; i < to; i++) {
            ss += (v[i] - mean) * (v[i] - mean);
        }
        return new double[] {(float) mean, (float) Math.sqrt(ss / n), mx, mn};
    }

    static double[] chunkStats(double[] v, int from, int to) {
        float[] f = new float[to - from];
        for (int i = from; i < to; i++) {
            f[i - from] = (float) v[i];
        }
        return chunkStats(f, 0, f.length);
    }
}
