package dev.pedigree.model.onnx;

import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.TensorContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The architecture an ONNX graph shows, for models that carry no config.json: hidden size and vocabulary
 * from the word-embedding Gather (the one indexed by a graph input), blocks from the module paths in
 * node names, heads from the constant shape that splits a projection into {@code [heads, head_dim]},
 * intermediate size from the widest matrix in the first block. Anything the graph does not show is null.
 */
public final class OnnxArchitecture {
    private static final Pattern BLOCK = Pattern.compile("/(?:layer|layers|h|block|blocks)\\.(\\d+)/");
    private static final Pattern BERT_BLOCK = Pattern.compile(".*/encoder/layer\\.\\d+/attention/self/.*");
    private static final java.util.Set<String> SHAPE_ONLY = java.util.Set.of("Reshape", "Cast", "Unsqueeze", "Squeeze", "Flatten", "Identity");
    private static final Pattern MLP = Pattern.compile("/(?:intermediate|output/dense|mlp|feed_forward|ffn)/");
    private static final Pattern GPT2_BLOCK = Pattern.compile(".*/transformer/h\\.\\d+/attn/c_attn/.*");

    private OnnxArchitecture() {
    }

    public static ArchitectureSpec from(TensorContainer container) {
        if (!(container instanceof OnnxContainer onnx)) {
            throw new IllegalArgumentException(container.file() + " was not opened by the ONNX reader");
        }
        OnnxGraph graph = onnx.graph();
        Optional<ResolvedTensor> embedding = wordEmbedding(onnx);
        Integer vocab = embedding.map(e -> (int) e.shape()[0]).orElse(null);
        Integer hidden = embedding.map(e -> (int) e.shape()[1]).orElse(null);
        TreeSet<Integer> blocks = new TreeSet<>();
        String modelType = null;
        for (OnnxNode node : graph.nodes()) {
            Matcher m = BLOCK.matcher(node.name());
            if (m.find()) {
                blocks.add(Integer.parseInt(m.group(1)));
            }
            if (BERT_BLOCK.matcher(node.name()).matches()) {
                modelType = "bert";
            } else if (GPT2_BLOCK.matcher(node.name()).matches() && modelType == null) {
                modelType = "gpt2";
            }
        }
        Integer layers = blocks.isEmpty() ? null : blocks.last() + 1;
        Integer headDim = hidden == null ? null : headDim(onnx, hidden);
        Integer heads = headDim == null ? null : hidden / headDim;
        return new ArchitectureSpec("onnx-graph", modelType, List.of(), hidden, layers, heads,
                headDim == null ? null : kvHeads(onnx, headDim).orElse(heads),
                hidden == null || blocks.isEmpty() ? null : intermediate(onnx, blocks.first(), hidden),
                vocab, positions(onnx, hidden), headDim, null, null, null, null, null, onnx.metadata());
    }

    /**
     * Of the 2-D constants a Gather indexes with a graph input (input_ids, token_type_ids; GPT-2 reshapes
     * them first), the one with the most rows: the vocabulary outnumbers token types.
     */
    private static Optional<ResolvedTensor> wordEmbedding(OnnxContainer onnx) {
        List<String> inputs = new ArrayList<>();
        onnx.inputs().forEach(i -> inputs.add(i.name()));
        ResolvedTensor best = null;
        for (OnnxNode node : onnx.graph().nodes()) {
            if (node.opType().equals("Gather") && fedByGraphInput(onnx, node.input(1), inputs)) {
                Optional<ResolvedTensor> t = onnx.constant(node.input(0)).filter(c -> c.shape().length == 2);
                if (t.isPresent() && (best == null || t.get().shape()[0] > best.shape()[0])) {
                    best = t.get();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The value is a graph input, possibly reshaped or cast on the way. */
    private static boolean fedByGraphInput(OnnxContainer onnx, String value, List<String> inputs) {
        String v = value;
        for (int step = 0; step < 4; step++) {
            if (inputs.contains(v)) {
                return true;
            }
            Optional<OnnxNode> p = onnx.graph().producer(v);
            if (p.isEmpty() || !SHAPE_ONLY.contains(p.get().opType())) {
                return false;
            }
            v = p.get().input(0);
        }
        return false;
    }

    /**
     * Attention reshapes a projection to {@code [batch, seq, heads, head_dim]}; exporters build that
     * shape from constants (directly, or via Concat). The last constant of such a shape in the first
     * block that divides the hidden size (with the one before it, if known, times it equal to it) is
     * the head dimension.
     */
    private static Integer headDim(OnnxContainer onnx, int hidden) {
        for (OnnxNode node : onnx.graph().nodes()) {
            if (!node.opType().equals("Reshape") || !node.name().contains("attn") && !node.name().contains("attention")) {
                continue;
            }
            long[] shape = shapeValues(onnx, node.input(1));
            if (shape == null || shape.length != 4) {
                continue;
            }
            long heads = shape[2];
            long dim = shape[3];
            if (dim > 0 && hidden % dim == 0 && (heads <= 0 || heads * dim == hidden)) {
                return (int) dim;
            }
        }
        return null;
    }

    /** Key heads from the key projection's output width in the first block (GQA exports). */
    private static Optional<Integer> kvHeads(OnnxContainer onnx, int headDim) {
        for (var t : onnx.tensors()) {
            String path = t.graphPath();
            if (t.shape().length == 2 && (path.contains("/k_proj/") || path.contains("/self/key/")) && BLOCK.matcher(path).find()) {
                long out = t.storedInputMajor() ? t.shape()[1] : t.shape()[0];
                return out % headDim == 0 ? Optional.of((int) (out / headDim)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The widest dimension of the first block's MLP matrices (fused attention is wider but is not MLP). */
    private static Integer intermediate(OnnxContainer onnx, int firstBlock, int hidden) {
        long widest = 0;
        for (var t : onnx.tensors()) {
            Matcher m = BLOCK.matcher(t.graphPath());
            if (t.shape().length == 2 && m.find() && Integer.parseInt(m.group(1)) == firstBlock && MLP.matcher(t.graphPath()).find()
                    && (t.shape()[0] == hidden || t.shape()[1] == hidden)) {
                widest = Math.max(widest, Math.max(t.shape()[0], t.shape()[1]));
            }
        }
        return widest == 0 ? null : (int) widest;
    }

    /** Rows of the position-embedding table, when the graph has one under a recognisable module. */
    private static Integer positions(OnnxContainer onnx, Integer hidden) {
        for (var t : onnx.tensors()) {
            String path = t.graphPath();
            if (t.shape().length == 2 && (path.contains("/position_embeddings/") || path.contains("/wpe/")
                    || path.contains("/embed_positions/")) && (hidden == null || t.shape()[1] == hidden)) {
                return (int) t.shape()[0];
            }
        }
        return null;
    }

    /** Integer values of a shape operand built from constants; unknown entries are -1. */
    private static long[] shapeValues(OnnxContainer onnx, String value) {
        Optional<ResolvedTensor> constant = onnx.constant(value);
        if (constant.isPresent()) {
            return constant.get().elementCount() <= 8 ? toLongs(constant.get().readAll()) : null;
        }
        Optional<OnnxNode> producer = onnx.graph().producer(value);
        if (producer.isEmpty() || !producer.get().opType().equals("Concat") || producer.get().inputs().size() > 8) {
            return null;
        }
        List<Long> values = new ArrayList<>();
        for (String in : producer.get().inputs()) {
            Optional<ResolvedTensor> c = onnx.constant(in);
            if (c.isPresent() && c.get().elementCount() <= 8) {
                for (long v : toLongs(c.get().readAll())) {
                    values.add(v);
                }
            } else {
                values.add(-1L);
            }
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static long[] toLongs(float[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (long) values[i];
        }
        return out;
    }
}
