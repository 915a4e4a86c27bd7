package dev.pedigree.blackbox.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.blackbox.CausalLanguageModel;
import dev.pedigree.blackbox.Continuation;
import dev.pedigree.blackbox.Decoding;
import dev.pedigree.blackbox.ModelFilesDigest;
import dev.pedigree.blackbox.TopTokens;
import dev.pedigree.error.BadInputException;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A causal language model run in process by ONNX Runtime from an export with inputs {@code input_ids}
 * and {@code attention_mask} (and {@code position_ids} when declared) and output {@code logits}
 * [batch, length, vocabulary], with or without a key/value cache ({@link PastKeyValues}).
 *
 * <p>Exports with a cache and {@code position_ids} generate incrementally: prompts are padded on the
 * left, positions count real tokens only, the prompt is run once and then one token per step against
 * the cache. Exports without a cache recompute the whole sequence at every step, padded on the right:
 * with causal attention no real token sees a pad, and every row keeps the positions 0…n−1 it would have
 * alone (left padding would shift positions in exports that derive them from the sequence). Either
 * way a prompt's answer does not depend on its batch. Scoring and next-token logits are one pass over
 * the whole sequence (right-padded, with an empty cache where the export has one).
 *
 * <p>Generation always runs the full K steps (an end-of-sequence token is a token like any other), so
 * every continuation has K tokens. Prompts longer than the model's context (from {@code config.json}
 * beside the export, {@code max_position_embeddings}) minus K keep their last tokens.
 */
public final class OnnxCausalLanguageModel implements CausalLanguageModel {
    private final String name;
    private final String digest;
    private final String tokenizerDigest;
    private final Tokenizer tokenizer;
    private final OrtSession session;
    private final int batchSize;
    private final int maxPositions;
    private final boolean wantsPositions;
    private final PastKeyValues cache;

    private OnnxCausalLanguageModel(String name, String digest, String tokenizerDigest, Tokenizer tokenizer,
            OrtSession session, PastKeyValues cache, int batchSize, int maxPositions) {
        this.name = name;
        this.digest = digest;
        this.tokenizerDigest = tokenizerDigest;
        this.tokenizer = tokenizer;
        this.session = session;
        this.batchSize = batchSize;
        this.maxPositions = maxPositions;
        this.wantsPositions = session.getInputNames().contains("position_ids");
        this.cache = cache;
    }

    /**
     * @param config the model's {@code config.json}, or null when there is none (no context limit then)
     */
    public static OnnxCausalLanguageModel open(String name, Path onnx, Path tokenizerJson, Path config, int batchSize) {
        if (batchSize < 1) {
            throw new BadInputException("batch size must be at least 1, not " + batchSize);
        }
        return over(OnnxRuntime.open(onnx), name, onnx, tokenizerJson, config, batchSize);
    }

    /** The model over a session already open on {@code onnx} (closed here when the export is refused). */
    static OnnxCausalLanguageModel over(OrtSession session, String name, Path onnx, Path tokenizerJson, Path config,
            int batchSize) {
        int maxPositions = config == null ? Integer.MAX_VALUE : maxPositions(config);
        String digest = ModelFilesDigest.of(onnx, tokenizerJson);
        Tokenizer tokenizer = Tokenizer.open(tokenizerJson);
        Set<String> inputs = session.getInputNames();
        String problem = null;
        PastKeyValues cache = null;
        if (!inputs.contains("input_ids") || !inputs.contains("attention_mask")) {
            problem = "not a causal LM export: needs inputs input_ids and attention_mask, has " + inputs;
        } else if (!session.getOutputNames().contains("logits")) {
            problem = "not a causal LM export: no output logits (outputs: " + session.getOutputNames() + ")";
        } else {
            try {
                cache = PastKeyValues.of(session, onnx);
            } catch (BadInputException | OrtException e) {
                problem = e.getMessage();
            }
            int known = 2 + (inputs.contains("position_ids") ? 1 : 0) + (cache == null ? 0 : cache.names().size());
            if (problem == null && known != inputs.size()) {
                problem = "inputs this backend does not know how to fill: " + inputs;
            }
        }
        if (problem != null) {
            try {
                session.close();
            } catch (OrtException e) {
                // the refusal below is what matters
            }
            tokenizer.close();
            throw new BadInputException(onnx + ": " + problem);
        }
        return new OnnxCausalLanguageModel(name, digest, ModelFilesDigest.of(tokenizerJson), tokenizer, session,
                cache, batchSize, maxPositions);
    }

    private static int maxPositions(Path config) {
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readString(config));
            // Llama-style configs say max_position_embeddings, GPT-2-style ones n_positions
            JsonNode node = root.has("max_position_embeddings") ? root.path("max_position_embeddings")
                    : root.path("n_positions");
            return node.canConvertToInt() && node.asInt() > 0 ? node.asInt() : Integer.MAX_VALUE;
        } catch (IOException e) {
            throw new BadInputException(config + ": cannot read the model config: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String digest() {
        return digest;
    }

    @Override
    public Optional<String> tokenizerDigest() {
        return Optional.of(tokenizerDigest);
    }

    @Override
    public List<Continuation> generate(List<String> prompts, Decoding decoding) {
        List<Continuation> out = new ArrayList<>(prompts.size());
        for (int from = 0; from < prompts.size(); from += batchSize) {
            List<String> batch = prompts.subList(from, Math.min(prompts.size(), from + batchSize));
            if (cache != null && wantsPositions) {
                out.addAll(generateWithCache(encode(batch, decoding.newTokens()), decoding));
                continue;
            }
            int k = decoding.newTokens();
            List<int[]> sequences = encode(batch, k);
            int[][] generated = new int[batch.size()][k];
            TopTokens[][] steps = new TopTokens[batch.size()][k];
            for (int step = 0; step < k; step++) {
                Logits logits = forward(sequences);
                for (int b = 0; b < batch.size(); b++) {
                    int[] seq = sequences.get(b);
                    float[] row = logits.row(b, seq.length - 1);
                    steps[b][step] = TopTokenSelector.select(row, 0, row.length, decoding.topTokens());
                    generated[b][step] = TopTokenSelector.argmax(row, 0, row.length);
                    int[] longer = java.util.Arrays.copyOf(seq, seq.length + 1);
                    longer[seq.length] = generated[b][step];
                    sequences.set(b, longer);
                }
            }
            for (int b = 0; b < batch.size(); b++) {
                out.add(new Continuation(generated[b], tokenizer.decode(generated[b]), steps[b]));
            }
        }
        return out;
    }

    /** Incremental greedy decoding of one batch against the export's key/value cache (left padding). */
    private List<Continuation> generateWithCache(List<int[]> prompts, Decoding decoding) {
        int batch = prompts.size();
        int length = prompts.stream().mapToInt(p -> p.length).max().orElseThrow();
        int k = decoding.newTokens();
        long[] ids = new long[batch * length];
        long[] positions = new long[batch * length];
        long[] next = new long[batch];
        for (int b = 0; b < batch; b++) {
            int[] p = prompts.get(b);
            int pad = length - p.length;
            for (int j = 0; j < p.length; j++) {
                ids[b * length + pad + j] = p[j];
                positions[b * length + pad + j] = j;
            }
            next[b] = p.length;
        }
        int[][] generated = new int[batch][k];
        TopTokens[][] steps = new TopTokens[batch][k];
        OrtSession.Result previous = null;
        try {
            for (int step = 0; step < k; step++) {
                int total = length + step;
                long[] stepMask = new long[batch * total];
                for (int b = 0; b < batch; b++) {
                    int pad = length - prompts.get(b).length;
                    java.util.Arrays.fill(stepMask, b * total + pad, (b + 1) * total, 1L);
                }
                Map<String, OnnxTensor> feed = new HashMap<>();
                Map<String, OnnxTensor> owned = new HashMap<>();
                OrtSession.Result result;
                try {
                    if (step == 0) {
                        owned.put("input_ids", OrtInputs.matrix(session, "input_ids", ids, batch, length));
                        owned.put("position_ids", OrtInputs.matrix(session, "position_ids", positions, batch, length));
                        cache.addEmpty(owned, batch);
                    } else {
                        long[] last = new long[batch];
                        for (int b = 0; b < batch; b++) {
                            last[b] = generated[b][step - 1];
                        }
                        owned.put("input_ids", OrtInputs.matrix(session, "input_ids", last, batch, 1));
                        owned.put("position_ids", OrtInputs.matrix(session, "position_ids", next.clone(), batch, 1));
                        cache.addFrom(feed, previous);
                        for (int b = 0; b < batch; b++) {
                            next[b]++;
                        }
                    }
                    owned.put("attention_mask", OrtInputs.matrix(session, "attention_mask", stepMask, batch, total));
                    feed.putAll(owned);
                    result = session.run(feed);
                } finally {
                    OrtInputs.closeAll(owned);
                }
                if (previous != null) {
                    previous.close();
                }
                previous = result;
                OnnxTensor tensor = (OnnxTensor) result.get("logits").orElseThrow();
                long[] shape = tensor.getInfo().getShape();
                int positionsOut = (int) shape[1];
                int vocabulary = (int) shape[2];
                FloatBuffer buffer = tensor.getFloatBuffer();
                float[] values = new float[batch * vocabulary];
                for (int b = 0; b < batch; b++) {
                    buffer.get(((b * positionsOut) + positionsOut - 1) * vocabulary, values, b * vocabulary, vocabulary);
                }
                for (int b = 0; b < batch; b++) {
                    steps[b][step] = TopTokenSelector.select(values, b * vocabulary, vocabulary, decoding.topTokens());
                    generated[b][step] = TopTokenSelector.argmax(values, b * vocabulary, vocabulary);
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException(name + ": ONNX Runtime failed: " + e.getMessage(), e);
        } finally {
            if (previous != null) {
                previous.close();
            }
        }
        List<Continuation> out = new ArrayList<>(batch);
        for (int b = 0; b < batch; b++) {
            out.add(new Continuation(generated[b], tokenizer.decode(generated[b]), steps[b]));
        }
        return out;
    }

    @Override
    public List<TopTokens[]> score(List<String> prompts, List<int[]> forced, Decoding decoding) {
        if (prompts.size() != forced.size()) {
            throw new IllegalArgumentException(prompts.size() + " prompts but " + forced.size() + " continuations");
        }
        int longest = 0;
        for (int[] f : forced) {
            longest = Math.max(longest, f.length);
        }
        List<int[]> prefixes = encode(prompts, longest);
        List<int[]> sequences = new ArrayList<>(prompts.size());
        for (int i = 0; i < prompts.size(); i++) {
            int[] prefix = prefixes.get(i);
            int[] seq = java.util.Arrays.copyOf(prefix, prefix.length + forced.get(i).length);
            System.arraycopy(forced.get(i), 0, seq, prefix.length, forced.get(i).length);
            sequences.add(seq);
        }
        List<TopTokens[]> all = positionDistributions(sequences, decoding.topTokens());
        List<TopTokens[]> out = new ArrayList<>(prompts.size());
        for (int i = 0; i < prompts.size(); i++) {
            int prefix = prefixes.get(i).length;
            out.add(java.util.Arrays.copyOfRange(all.get(i), prefix - 1, prefix - 1 + forced.get(i).length));
        }
        return out;
    }

    /**
     * For each token sequence, the next-token distribution at every position: entry j is the
     * distribution of token j+1 given tokens 0…j (what a server's echoed log-probabilities report).
     */
    public List<TopTokens[]> positionDistributions(List<int[]> sequences, int topTokens) {
        List<TopTokens[]> out = new ArrayList<>(sequences.size());
        for (int from = 0; from < sequences.size(); from += batchSize) {
            List<int[]> batch = sequences.subList(from, Math.min(sequences.size(), from + batchSize));
            for (int[] seq : batch) {
                if (seq.length == 0 || seq.length > maxPositions) {
                    throw new BadInputException(name + ": a sequence of " + seq.length + " tokens does not fit its context of "
                            + maxPositions + " positions");
                }
            }
            Logits logits = forward(batch);
            for (int b = 0; b < batch.size(); b++) {
                TopTokens[] steps = new TopTokens[batch.get(b).length];
                for (int j = 0; j < steps.length; j++) {
                    float[] row = logits.row(b, j);
                    steps[j] = TopTokenSelector.select(row, 0, row.length, topTokens);
                }
                out.add(steps);
            }
        }
        return out;
    }

    /** The model's tokenizer (servers in front of this model use it for token-id prompts). */
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public float[][] nextTokenLogits(List<String> prompts) {
        float[][] out = new float[prompts.size()][];
        for (int from = 0; from < prompts.size(); from += batchSize) {
            List<int[]> sequences = encode(prompts.subList(from, Math.min(prompts.size(), from + batchSize)), 0);
            Logits logits = forward(sequences);
            for (int b = 0; b < sequences.size(); b++) {
                out[from + b] = logits.row(b, sequences.get(b).length - 1);
            }
        }
        return out;
    }

    /** Token ids of each prompt, cut on the left so that {@code room} more tokens fit the context. */
    private List<int[]> encode(List<String> prompts, int room) {
        int keep = maxPositions - room;
        if (keep < 1) {
            throw new BadInputException(name + ": " + room + " new tokens do not fit its context of "
                    + maxPositions + " positions");
        }
        List<int[]> out = new ArrayList<>(prompts.size());
        for (String prompt : prompts) {
            int[] ids = tokenizer.ids(prompt);
            int[] seq = java.util.Arrays.copyOfRange(ids, Math.max(0, ids.length - keep), ids.length);
            if (seq.length == 0) {
                throw new BadInputException(name + ": the prompt \"" + prompt + "\" has no tokens");
            }
            out.add(seq);
        }
        return out;
    }

    /** Logits of a right-padded batch: values[(b·length + position)·vocabulary + token]. */
    private record Logits(FloatBuffer values, int length, int vocabulary) {
        /** The logits at one position of one row (a copy of just that row: batches are large). */
        float[] row(int b, int position) {
            float[] row = new float[vocabulary];
            values.get((b * length + position) * vocabulary, row, 0, vocabulary);
            return row;
        }
    }

    private Logits forward(List<int[]> sequences) {
        int batch = sequences.size();
        int length = 0;
        for (int[] seq : sequences) {
            length = Math.max(length, seq.length);
        }
        long[] ids = new long[batch * length];
        long[] mask = new long[batch * length];
        long[] positions = new long[batch * length];
        for (int b = 0; b < batch; b++) {
            int[] seq = sequences.get(b);
            for (int j = 0; j < seq.length; j++) {
                ids[b * length + j] = seq[j];
                mask[b * length + j] = 1;
                positions[b * length + j] = j;
            }
        }
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OrtInputs.matrix(session, "input_ids", ids, batch, length));
            inputs.put("attention_mask", OrtInputs.matrix(session, "attention_mask", mask, batch, length));
            if (wantsPositions) {
                inputs.put("position_ids", OrtInputs.matrix(session, "position_ids", positions, batch, length));
            }
            if (cache != null) {
                cache.addEmpty(inputs, batch);
            }
            try (OrtSession.Result result = session.run(inputs, Set.of("logits"))) {
                OnnxTensor tensor = (OnnxTensor) result.get("logits").orElseThrow();
                long[] shape = tensor.getInfo().getShape();
                return new Logits(tensor.getFloatBuffer(), length, (int) shape[2]);
            }
        } catch (OrtException e) {
            throw new IllegalStateException(name + ": ONNX Runtime failed: " + e.getMessage(), e);
        } finally {
            OrtInputs.closeAll(inputs);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // nothing this session produced depends on a clean close
        }
        tokenizer.close();
    }
}
