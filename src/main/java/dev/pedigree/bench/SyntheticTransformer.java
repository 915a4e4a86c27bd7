package dev.pedigree.bench;

import dev.pedigree.model.Role;
import dev.pedigree.model.TensorRole;
import dev.pedigree.model.TensorStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A BERT-shaped stack of random weights (embedding, per layer q/k/v/o, up/down, two LayerNorms),
 * with the transformations tests need: a noisy copy, and a function-preserving permutation of hidden
 * units, attention heads (and the dimensions inside each head) and MLP neurons.
 */
public final class SyntheticTransformer {
    public final int vocab;
    public final int hidden;
    public final int heads;
    public final int ffn;
    public final int layers;
    /** Tensor name to HF-oriented values; the insertion order is the file order. */
    public final Map<String, float[]> weights = new LinkedHashMap<>();

    private SyntheticTransformer(int vocab, int hidden, int heads, int ffn, int layers) {
        this.vocab = vocab;
        this.hidden = hidden;
        this.heads = heads;
        this.ffn = ffn;
        this.layers = layers;
    }

    public static SyntheticTransformer random(int vocab, int hidden, int heads, int ffn, int layers, long seed) {
        SyntheticTransformer m = new SyntheticTransformer(vocab, hidden, heads, ffn, layers);
        Random r = new Random(seed);
        m.weights.put("embeddings.word_embeddings.weight", gaussian(r, vocab * hidden, 1));
        m.weights.put("embeddings.LayerNorm.weight", around(r, hidden, 1, 0.1));
        for (int l = 0; l < layers; l++) {
            String p = "encoder.layer." + l + ".";
            double s = 1 / Math.sqrt(hidden);
            m.weights.put(p + "attention.self.query.weight", gaussian(r, hidden * hidden, s));
            m.weights.put(p + "attention.self.key.weight", gaussian(r, hidden * hidden, s));
            m.weights.put(p + "attention.self.value.weight", gaussian(r, hidden * hidden, s));
            m.weights.put(p + "attention.output.dense.weight", gaussian(r, hidden * hidden, s));
            m.weights.put(p + "attention.output.LayerNorm.weight", around(r, hidden, 1, 0.1));
            m.weights.put(p + "intermediate.dense.weight", gaussian(r, ffn * hidden, s));
            m.weights.put(p + "output.dense.weight", gaussian(r, hidden * ffn, 1 / Math.sqrt(ffn)));
            m.weights.put(p + "output.LayerNorm.weight", around(r, hidden, 1, 0.1));
        }
        return m;
    }

    /** Every weight plus Gaussian noise of {@code relative} times its tensor's RMS. */
    public SyntheticTransformer noisy(double relative, long seed) {
        SyntheticTransformer m = new SyntheticTransformer(vocab, hidden, heads, ffn, layers);
        Random r = new Random(seed);
        weights.forEach((name, w) -> {
            double rms = 0;
            for (float x : w) {
                rms += x * x;
            }
            rms = Math.sqrt(rms / w.length);
            float[] c = w.clone();
            for (int i = 0; i < c.length; i++) {
                c[i] += (float) (r.nextGaussian() * relative * rms);
            }
            m.weights.put(name, c);
        });
        return m;
    }

    /**
     * The same function with hidden units, heads, dimensions within each head and MLP neurons
     * re-ordered: residual-stream permutation on every matrix's hidden side and every norm vector;
     * per layer one head order, with separate orders inside each head for q/k rows and for v rows /
     * o columns, and one of the MLP neurons (up rows, down columns).
     */
    public SyntheticTransformer permuted(long seed) {
        Random r = new Random(seed);
        int[] h = RandomPermutations.uniform(hidden, r);
        SyntheticTransformer m = new SyntheticTransformer(vocab, hidden, heads, ffn, layers);
        m.weights.put("embeddings.word_embeddings.weight", columns(weights.get("embeddings.word_embeddings.weight"), vocab, hidden, h));
        m.weights.put("embeddings.LayerNorm.weight", vector(weights.get("embeddings.LayerNorm.weight"), h));
        for (int l = 0; l < layers; l++) {
            String p = "encoder.layer." + l + ".";
            int[] headOrder = RandomPermutations.uniform(heads, r);
            int[] qk = headPermutation(headOrder, r);
            int[] vo = headPermutation(headOrder, r);
            int[] mlp = RandomPermutations.uniform(ffn, r);
            m.weights.put(p + "attention.self.query.weight", rows(columns(weights.get(p + "attention.self.query.weight"), hidden, hidden, h), hidden, hidden, qk));
            m.weights.put(p + "attention.self.key.weight", rows(columns(weights.get(p + "attention.self.key.weight"), hidden, hidden, h), hidden, hidden, qk));
            m.weights.put(p + "attention.self.value.weight", rows(columns(weights.get(p + "attention.self.value.weight"), hidden, hidden, h), hidden, hidden, vo));
            m.weights.put(p + "attention.output.dense.weight", rows(columns(weights.get(p + "attention.output.dense.weight"), hidden, hidden, vo), hidden, hidden, h));
            m.weights.put(p + "attention.output.LayerNorm.weight", vector(weights.get(p + "attention.output.LayerNorm.weight"), h));
            m.weights.put(p + "intermediate.dense.weight", rows(columns(weights.get(p + "intermediate.dense.weight"), ffn, hidden, h), ffn, hidden, mlp));
            m.weights.put(p + "output.dense.weight", rows(columns(weights.get(p + "output.dense.weight"), hidden, ffn, mlp), hidden, ffn, h));
            m.weights.put(p + "output.LayerNorm.weight", vector(weights.get(p + "output.LayerNorm.weight"), h));
        }
        return m;
    }

    public TensorStore store() {
        InMemoryModel b = new InMemoryModel();
        weights.forEach((name, w) -> b.add(name, roleOf(name), w, shapeOf(name)));
        return b.store();
    }

    private long[] shapeOf(String name) {
        if (name.startsWith("embeddings.word")) {
            return new long[] {vocab, hidden};
        }
        if (name.contains("LayerNorm")) {
            return new long[] {hidden};
        }
        if (name.contains("intermediate")) {
            return new long[] {ffn, hidden};
        }
        if (name.endsWith("output.dense.weight") && !name.contains("attention")) {
            return new long[] {hidden, ffn};
        }
        return new long[] {hidden, hidden};
    }

    private static TensorRole roleOf(String name) {
        if (name.startsWith("embeddings.word")) {
            return TensorRole.global(Role.EMBEDDING);
        }
        if (name.startsWith("embeddings.LayerNorm")) {
            return TensorRole.global(Role.EMBEDDING_NORM);
        }
        int layer = Integer.parseInt(name.split("\\.")[2]);
        Role role;
        if (name.contains("query")) {
            role = Role.Q;
        } else if (name.contains("key")) {
            role = Role.K;
        } else if (name.contains("value")) {
            role = Role.V;
        } else if (name.contains("attention.output.dense")) {
            role = Role.O;
        } else if (name.contains("attention.output.LayerNorm")) {
            role = Role.ATTN_NORM;
        } else if (name.contains("intermediate")) {
            role = Role.UP;
        } else if (name.contains("output.dense")) {
            role = Role.DOWN;
        } else {
            role = Role.MLP_NORM;
        }
        return TensorRole.layer(role, layer);
    }

    /** Heads re-ordered (q/k and v/o share the head order), then the dimensions inside each head. */
    private int[] headPermutation(int[] headOrder, Random r) {
        int hd = hidden / heads;
        int[] out = new int[hidden];
        for (int hh = 0; hh < heads; hh++) {
            int[] inner = RandomPermutations.uniform(hd, r);
            for (int k = 0; k < hd; k++) {
                out[hh * hd + k] = headOrder[hh] * hd + inner[k];
            }
        }
        return out;
    }

    /** New row i is old row perm[i]. */
    private static float[] rows(float[] w, int rows, int cols, int[] perm) {
        float[] out = new float[w.length];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(w, perm[i] * cols, out, i * cols, cols);
        }
        return out;
    }

    /** New column j is old column perm[j]. */
    private static float[] columns(float[] w, int rows, int cols, int[] perm) {
        float[] out = new float[w.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i * cols + j] = w[i * cols + perm[j]];
            }
        }
        return out;
    }

    private static float[] vector(float[] w, int[] perm) {
        float[] out = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[perm[i]];
        }
        return out;
    }

    private static float[] gaussian(Random r, int n, double scale) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (r.nextGaussian() * scale);
        }
        return out;
    }

    private static float[] around(Random r, int n, double centre, double scale) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (centre + r.nextGaussian() * scale);
        }
        return out;
    }
}
