package dev.pedigree.blackbox.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.pedigree.blackbox.ModelFilesDigest;
import dev.pedigree.blackbox.TextEmbedder;
import dev.pedigree.error.BadInputException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sentence encoder run in process by ONNX Runtime: BERT-style inputs ({@code input_ids},
 * {@code attention_mask}, and {@code token_type_ids} when the graph asks for it), output
 * {@code last_hidden_state} [batch, length, hidden] — or, in exports that renamed it, the first output
 * of that rank — pooled by {@link Pooling}. Texts are batched with
 * right padding; padded positions are masked, so a text's vector does not depend on its batch.
 * Texts longer than {@code maxTokens} are cut at the end (BERT models know 512 positions).
 */
public final class OnnxEncoder implements TextEmbedder {
    private final String name;
    private final String digest;
    private final Tokenizer tokenizer;
    private final OrtSession session;
    private final Pooling pooling;
    private final int batchSize;
    private final int maxTokens;
    private final boolean wantsTypeIds;
    private final String output;

    private OnnxEncoder(String name, String digest, Tokenizer tokenizer, OrtSession session, String output,
            Pooling pooling, int batchSize, int maxTokens) {
        this.name = name;
        this.digest = digest;
        this.tokenizer = tokenizer;
        this.session = session;
        this.output = output;
        this.pooling = pooling;
        this.batchSize = batchSize;
        this.maxTokens = maxTokens;
        this.wantsTypeIds = session.getInputNames().contains("token_type_ids");
    }

    /**
     * @param name the model's name (reports; also picks the pooling when {@code pooling} is null)
     * @param pooling the pooling, or null for {@link Pooling#forModelName}
     */
    public static OnnxEncoder open(String name, Path onnx, Path tokenizerJson, Pooling pooling, int batchSize) {
        if (batchSize < 1) {
            throw new BadInputException("batch size must be at least 1, not " + batchSize);
        }
        return over(OnnxRuntime.open(onnx), name, onnx, tokenizerJson, pooling, batchSize);
    }

    /** The encoder over a session already open on {@code onnx} (closed here when the export is refused). */
    static OnnxEncoder over(OrtSession session, String name, Path onnx, Path tokenizerJson, Pooling pooling, int batchSize) {
        String digest = ModelFilesDigest.of(onnx, tokenizerJson);
        Tokenizer tokenizer = Tokenizer.open(tokenizerJson);
        String output = hiddenStates(session);
        String problem = null;
        if (!session.getInputNames().containsAll(List.of("input_ids", "attention_mask"))) {
            problem = "not an encoder export: needs inputs input_ids and attention_mask, has " + session.getInputNames();
        } else if (output == null) {
            problem = "not an encoder export: no output of shape [batch, length, hidden] (outputs: "
                    + session.getOutputNames() + ")";
        }
        if (problem != null) {
            closeQuietly(session);
            tokenizer.close();
            throw new BadInputException(onnx + ": " + problem);
        }
        Pooling chosen = pooling != null ? pooling : Pooling.forModelName(name);
        return new OnnxEncoder(name, digest + ";pool=" + chosen, tokenizer, session, output, chosen, batchSize, 512);
    }

    private static String hiddenStates(OrtSession session) {
        try {
            Map<String, ai.onnxruntime.NodeInfo> outputs = session.getOutputInfo();
            if (outputs.containsKey("last_hidden_state")) {
                return "last_hidden_state";
            }
            for (Map.Entry<String, ai.onnxruntime.NodeInfo> e : outputs.entrySet()) {
                if (e.getValue().getInfo() instanceof ai.onnxruntime.TensorInfo t && t.getShape().length == 3) {
                    return e.getKey();
                }
            }
            return null;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot list the outputs: " + e.getMessage(), e);
        }
    }

    public Pooling pooling() {
        return pooling;
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
    public float[][] embed(List<String> texts) {
        float[][] out = new float[texts.size()][];
        for (int from = 0; from < texts.size(); from += batchSize) {
            int to = Math.min(texts.size(), from + batchSize);
            float[][] batch = embedBatch(texts.subList(from, to));
            System.arraycopy(batch, 0, out, from, batch.length);
        }
        return out;
    }

    private float[][] embedBatch(List<String> texts) {
        List<Encoding> encodings = new ArrayList<>(texts.size());
        int length = 1;
        for (String text : texts) {
            Encoding e = tokenizer.encode(text);
            encodings.add(e);
            length = Math.max(length, Math.min(maxTokens, e.getIds().length));
        }
        int batch = texts.size();
        long[] ids = new long[batch * length];
        long[] mask = new long[batch * length];
        long[] types = new long[batch * length];
        int[] lengths = new int[batch];
        for (int b = 0; b < batch; b++) {
            Encoding e = encodings.get(b);
            long[] eIds = e.getIds();
            long[] eTypes = e.getTypeIds();
            lengths[b] = Math.min(length, eIds.length);
            for (int j = 0; j < lengths[b]; j++) {
                ids[b * length + j] = eIds[j];
                mask[b * length + j] = 1;
                types[b * length + j] = eTypes[j];
            }
        }
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OrtInputs.matrix(session, "input_ids", ids, batch, length));
            inputs.put("attention_mask", OrtInputs.matrix(session, "attention_mask", mask, batch, length));
            if (wantsTypeIds) {
                inputs.put("token_type_ids", OrtInputs.matrix(session, "token_type_ids", types, batch, length));
            }
            try (OrtSession.Result result = session.run(inputs, java.util.Set.of(output))) {
                OnnxValue value = result.get(output).orElseThrow();
                OnnxTensor tensor = (OnnxTensor) value;
                long[] shape = tensor.getInfo().getShape();
                int hidden = (int) shape[2];
                FloatBuffer states = tensor.getFloatBuffer();
                float[][] pooled = new float[batch][hidden];
                for (int b = 0; b < batch; b++) {
                    pool(states, b, length, hidden, lengths[b], pooled[b]);
                }
                return pooled;
            }
        } catch (OrtException e) {
            throw new IllegalStateException(name + ": ONNX Runtime failed: " + e.getMessage(), e);
        } finally {
            OrtInputs.closeAll(inputs);
        }
    }

    private void pool(FloatBuffer states, int b, int length, int hidden, int realTokens, float[] into) {
        int base = b * length * hidden;
        if (pooling == Pooling.CLS) {
            states.get(base, into, 0, hidden);
            return;
        }
        // the sum runs in double: a few hundred tokens of float noise would otherwise show in the 7th digit
        double[] sum = new double[hidden];
        for (int j = 0; j < realTokens; j++) {
            int at = base + j * hidden;
            for (int h = 0; h < hidden; h++) {
                sum[h] += states.get(at + h);
            }
        }
        for (int h = 0; h < hidden; h++) {
            into[h] = (float) (sum[h] / realTokens);
        }
    }

    @Override
    public void close() {
        closeQuietly(session);
        tokenizer.close();
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // nothing was produced by this session that a failed close could invalidate
        }
    }
}
