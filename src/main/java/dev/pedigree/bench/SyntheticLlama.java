package dev.pedigree.bench;

import dev.pedigree.model.Role;
import dev.pedigree.model.TensorRole;
import dev.pedigree.model.TensorStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * A llama-shaped stack of random weights with grouped-query attention ({@code kvHeads} key/value
 * heads shared by {@code heads / kvHeads} query heads each), generated one tensor at a time so that
 * multi-gigabyte checkpoints never sit in memory whole: each tensor's values come from its own seed,
 * and a {@link Permutation} or noise is applied tensor by tensor. Writes BF16 safetensors with HF
 * names ({@code model.layers.N.self_attn.q_proj.weight}, …) and a matching config.json.
 */
public final class SyntheticLlama {
    public final int vocab;
    public final int hidden;
    public final int heads;
    public final int kvHeads;
    public final int ffn;
    public final int layers;

    /** One tensor: HF name, role, HF-oriented shape (a vector has one dimension). */
    public record Tensor(String name, TensorRole role, long[] shape) {
        long elements() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }
    }

    public SyntheticLlama(int vocab, int hidden, int heads, int kvHeads, int ffn, int layers) {
        if (hidden % heads != 0 || heads % kvHeads != 0) {
            throw new IllegalArgumentException("hidden must split into heads and heads into key/value groups");
        }
        this.vocab = vocab;
        this.hidden = hidden;
        this.heads = heads;
        this.kvHeads = kvHeads;
        this.ffn = ffn;
        this.layers = layers;
    }

    public int headDim() {
        return hidden / heads;
    }

    /** The tensors in file order. */
    public List<Tensor> tensors() {
        List<Tensor> out = new ArrayList<>();
        int kv = kvHeads * headDim();
        out.add(new Tensor("model.embed_tokens.weight", TensorRole.global(Role.EMBEDDING), new long[] {vocab, hidden}));
        for (int l = 0; l < layers; l++) {
            String p = "model.layers." + l + ".";
            out.add(new Tensor(p + "input_layernorm.weight", TensorRole.layer(Role.ATTN_NORM, l), new long[] {hidden}));
            out.add(new Tensor(p + "self_attn.q_proj.weight", TensorRole.layer(Role.Q, l), new long[] {hidden, hidden}));
            out.add(new Tensor(p + "self_attn.k_proj.weight", TensorRole.layer(Role.K, l), new long[] {kv, hidden}));
            out.add(new Tensor(p + "self_attn.v_proj.weight", TensorRole.layer(Role.V, l), new long[] {kv, hidden}));
            out.add(new Tensor(p + "self_attn.o_proj.weight", TensorRole.layer(Role.O, l), new long[] {hidden, hidden}));
            out.add(new Tensor(p + "post_attention_layernorm.weight", TensorRole.layer(Role.MLP_NORM, l), new long[] {hidden}));
            out.add(new Tensor(p + "mlp.gate_proj.weight", TensorRole.layer(Role.GATE, l), new long[] {ffn, hidden}));
            out.add(new Tensor(p + "mlp.up_proj.weight", TensorRole.layer(Role.UP, l), new long[] {ffn, hidden}));
            out.add(new Tensor(p + "mlp.down_proj.weight", TensorRole.layer(Role.DOWN, l), new long[] {hidden, ffn}));
        }
        out.add(new Tensor("model.norm.weight", TensorRole.global(Role.FINAL_NORM), new long[] {hidden}));
        out.add(new Tensor("lm_head.weight", TensorRole.global(Role.LM_HEAD), new long[] {vocab, hidden}));
        return out;
    }

    /**
     * The tensor's random values for this model seed: norms around 1, matrices Gaussian with standard
     * deviation 1/√(fan-in), the embedding and lm_head with 1. Drawn in parallel blocks, each with its
     * own seed, so the values do not depend on the number of threads.
     */
    public float[] values(Tensor t, long seed) {
        long tensorSeed = seed * 0x9E3779B97F4A7C15L + t.name().hashCode();
        boolean vector = t.shape().length == 1;
        Role r = t.role().role();
        double scale = vector ? 0.1 : r == Role.EMBEDDING || r == Role.LM_HEAD ? 1 : 1 / Math.sqrt(t.shape()[1]);
        double centre = vector ? 1 : 0;
        return gaussian(Math.toIntExact(t.elements()), tensorSeed, centre, scale);
    }

    /** {@code w} plus Gaussian noise of {@code relative} times its RMS, as a fine-tune moves weights. */
    public static float[] noisy(float[] w, double relative, long seed) {
        double ss = IntStream.range(0, w.length).parallel().mapToDouble(i -> (double) w[i] * w[i]).sum();
        double rms = Math.sqrt(ss / Math.max(1, w.length));
        float[] noise = gaussian(w.length, seed, 0, relative * rms);
        for (int i = 0; i < w.length; i++) {
            noise[i] += w[i];
        }
        return noise;
    }

    private static float[] gaussian(int n, long seed, double centre, double scale) {
        float[] out = new float[n];
        int block = 1 << 20;
        IntStream.range(0, (n + block - 1) / block).parallel().forEach(b -> {
            SplittableRandom r = new SplittableRandom(seed ^ (0xD1B54A32D192ED03L * (b + 1)));
            for (int i = b * block, end = Math.min(n, i + block); i < end; i++) {
                out[i] = (float) (centre + r.nextGaussian() * scale);
            }
        });
        return out;
    }

    /**
     * A function-preserving re-ordering of a llama model with grouped-query attention: the residual
     * stream (columns of every matrix reading it, rows of every matrix writing it, norm vectors); per
     * layer the key/value groups, with their query heads moving along, the query heads inside each
     * group, the value dimensions of each key/value head (the o columns of every query head of the
     * group moving alike; q/k dimensions stay, since rotary embeddings tie them to their positions),
     * and the MLP neurons.
     */
    public Permutation permutation(long seed) {
        Random r = new Random(seed);
        int hd = headDim();
        int group = heads / kvHeads;
        int[] h = RandomPermutations.uniform(hidden, r);
        int[][] q = new int[layers][];
        int[][] kv = new int[layers][];
        int[][] v = new int[layers][];
        int[][] o = new int[layers][];
        int[][] mlp = new int[layers][];
        for (int l = 0; l < layers; l++) {
            int[] groups = RandomPermutations.uniform(kvHeads, r);
            q[l] = new int[heads * hd];
            kv[l] = new int[kvHeads * hd];
            v[l] = new int[kvHeads * hd];
            o[l] = new int[heads * hd];
            for (int g = 0; g < kvHeads; g++) {
                int[] inGroup = RandomPermutations.uniform(group, r);
                int[] inner = RandomPermutations.uniform(hd, r);
                for (int d = 0; d < hd; d++) {
                    kv[l][g * hd + d] = groups[g] * hd + d;
                    v[l][g * hd + d] = groups[g] * hd + inner[d];
                }
                for (int j = 0; j < group; j++) {
                    int from = groups[g] * group + inGroup[j];
                    for (int d = 0; d < hd; d++) {
                        q[l][(g * group + j) * hd + d] = from * hd + d;
                        o[l][(g * group + j) * hd + d] = from * hd + inner[d];
                    }
                }
            }
            mlp[l] = RandomPermutations.uniform(ffn, r);
        }
        return new Permutation(h, q, kv, v, o, mlp);
    }

    /** New row (column) i is old row (column) {@code perm[i]}; per layer arrays are indexed by layer. */
    public record Permutation(int[] hidden, int[][] q, int[][] kv, int[][] v, int[][] o, int[][] mlp) {
        public float[] apply(Tensor t, float[] w) {
            int layer = t.role().layer();
            long[] s = t.shape();
            if (s.length == 1) {
                return permute(w, s[0], 1, hidden, null);
            }
            int rows = Math.toIntExact(s[0]);
            int cols = Math.toIntExact(s[1]);
            return switch (t.role().role()) {
                case EMBEDDING, LM_HEAD -> permute(w, rows, cols, null, hidden);
                case Q -> permute(w, rows, cols, q[layer], hidden);
                case K -> permute(w, rows, cols, kv[layer], hidden);
                case V -> permute(w, rows, cols, v[layer], hidden);
                case O -> permute(w, rows, cols, hidden, o[layer]);
                case GATE, UP -> permute(w, rows, cols, mlp[layer], hidden);
                case DOWN -> permute(w, rows, cols, hidden, mlp[layer]);
                default -> throw new IllegalArgumentException("no permutation for " + t.name());
            };
        }

        private static float[] permute(float[] w, long rows, int cols, int[] rowPerm, int[] colPerm) {
            float[] out = new float[w.length];
            IntStream.range(0, Math.toIntExact(rows)).parallel().forEach(i -> {
                int src = rowPerm == null ? i : rowPerm[i];
                for (int j = 0; j < cols; j++) {
                    out[i * cols + j] = w[src * cols + (colPerm == null ? j : colPerm[j])];
                }
            });
            return out;
        }
    }

    /** The model in memory, for tests: each tensor's values from {@code values}. */
    public TensorStore store(Function<Tensor, float[]> values) {
        InMemoryModel m = new InMemoryModel();
        for (Tensor t : tensors()) {
            m.add(t.name(), t.role(), values.apply(t), t.shape());
        }
        return m.store();
    }

    /** Writes the model as one BF16 safetensors file (round to nearest even), tensor by tensor; returns its size. */
    public long writeSafetensors(Path file, Function<Tensor, float[]> values) throws IOException {
        StringBuilder json = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
        long offset = 0;
        for (Tensor t : tensors()) {
            long end = offset + 2 * t.elements();
            json.append(",\"").append(t.name()).append("\":{\"dtype\":\"BF16\",\"shape\":").append(java.util.Arrays.toString(t.shape()).replace(" ", ""))
                    .append(",\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
            offset = end;
        }
        json.append('}');
        while (json.length() % 8 != 0) {
            json.append(' ');
        }
        byte[] header = json.toString().getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, header.length));
            ch.write(ByteBuffer.wrap(header));
            ByteBuffer buf = ByteBuffer.allocate(1 << 22).order(ByteOrder.LITTLE_ENDIAN);
            for (Tensor t : tensors()) {
                for (float x : values.apply(t)) {
                    if (!buf.hasRemaining()) {
                        drain(ch, buf);
                    }
                    int bits = Float.floatToRawIntBits(x);
                    buf.putShort((short) ((bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16));
                }
            }
            drain(ch, buf);
            ch.force(true);
            return ch.size();
        }
    }

    private static void drain(FileChannel ch, ByteBuffer buf) throws IOException {
        buf.flip();
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
        buf.clear();
    }

    public String config() {
        return "{\"architectures\":[\"LlamaForCausalLM\"],\"model_type\":\"llama\",\"hidden_size\":" + hidden + ",\"intermediate_size\":" + ffn
                + ",\"num_hidden_layers\":" + layers + ",\"num_attention_heads\":" + heads + ",\"num_key_value_heads\":" + kvHeads
                + ",\"head_dim\":" + headDim() + ",\"vocab_size\":" + vocab + ",\"max_position_embeddings\":2048,\"rms_norm_eps\":1e-05,"
                + "\"rope_theta\":10000.0,\"hidden_act\":\"silu\",\"tie_word_embeddings\":false,\"torch_dtype\":\"bfloat16\"}";
    }
}
