package dev.pedigree.model.onnx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds quantised weights from the operators that consume them rather than from their names:
 * MatMulInteger's B input (its zero point is input 3; the scale reaches the output through a Mul),
 * DequantizeLinear of a constant (QDQ) or of a Gather over a constant (quantised embeddings). Names
 * ({@code W_quantized}, {@code W_scale}, {@code W_zero_point}) are the fallback for triples the graph
 * does not reveal. A candidate whose scale length matches no axis is left as stored.
 */
final class QuantizedWeightFinder {
    private final OnnxGraph graph;
    private final Function<String, ResolvedTensor> constants;
    private final Map<String, QuantizedWeight> found = new LinkedHashMap<>();

    private QuantizedWeightFinder(OnnxGraph graph, Function<String, ResolvedTensor> constants) {
        this.graph = graph;
        this.constants = constants;
    }

    /** Quantised weights keyed by the name of their integer tensor, in discovery order. */
    static Map<String, QuantizedWeight> find(OnnxGraph graph, Function<String, ResolvedTensor> constants,
                                             List<String> initializerNames) {
        QuantizedWeightFinder finder = new QuantizedWeightFinder(graph, constants);
        for (OnnxNode node : graph.nodes()) {
            switch (node.opType()) {
                case "MatMulInteger" -> finder.matMulInteger(node);
                case "DequantizeLinear" -> finder.dequantizeLinear(node);
                default -> { }
            }
        }
        finder.byName(initializerNames);
        return finder.found;
    }

    /**
     * MatMulNBits weights (com.microsoft), keyed by their packed tensor. Only 4- and 8-bit blocks with
     * unsigned packed zero points (or none) and no g_idx are taken; others stay as stored.
     */
    static Map<String, BlockQuantizedWeight> findMatMulNBits(OnnxGraph graph, Function<String, ResolvedTensor> constants) {
        Map<String, BlockQuantizedWeight> found = new LinkedHashMap<>();
        for (OnnxNode node : graph.nodes()) {
            if (!node.opType().equals("MatMulNBits") || !node.input(4).isEmpty()) {
                continue;
            }
            long n = node.intAttribute("N", 0);
            long k = node.intAttribute("K", 0);
            long bits = node.intAttribute("bits", 4);
            long blockSize = node.intAttribute("block_size", 0);
            if (n <= 0 || k <= 0 || (bits != 4 && bits != 8) || blockSize < 2 || blockSize > (1 << 20) || Long.bitCount(blockSize) != 1
                    || n > Integer.MAX_VALUE || k > Integer.MAX_VALUE) {
                continue;
            }
            BlockQuantizedWeight w = new BlockQuantizedWeight(node.input(1), node.input(2), node.input(3).isEmpty() ? null : node.input(3),
                    n, k, (int) bits, (int) blockSize);
            ResolvedTensor packed = node.input(1).isEmpty() ? null : constants.apply(node.input(1));
            ResolvedTensor scales = node.input(2).isEmpty() ? null : constants.apply(node.input(2));
            ResolvedTensor zeros = w.zeroPoint() == null ? null : constants.apply(w.zeroPoint());
            try {
                boolean fits = packed != null && packed.type() == OnnxDataType.UINT8
                        && packed.elementCount() == Math.multiplyExact(Math.multiplyExact(n, w.blocksPerRow()), w.blobBytes())
                        && scales != null && scales.type().isFloatingPoint() && scales.elementCount() == n * w.blocksPerRow()
                        && (w.zeroPoint() == null || zeros != null && zeros.type() == OnnxDataType.UINT8
                            && zeros.elementCount() == n * w.zeroPointBytesPerRow())
                        && w.blocksPerRow() * w.blobBytes() <= Integer.MAX_VALUE;
                if (fits) {
                    found.putIfAbsent(node.input(1), w);
                }
            } catch (ArithmeticException e) {
                // sizes that overflow cannot describe the stored tensor: leave it as stored
            }
        }
        return found;
    }

    private void matMulInteger(OnnxNode node) {
        ResolvedTensor b = integerConstant(node.input(1));
        if (b == null || b.shape().length != 2 || node.outputs().isEmpty()) {
            return;
        }
        String scale = scaleReachingOutput(node.outputs().getFirst(), b.shape()[1]);
        if (scale == null) {
            return;
        }
        add(node.input(1), scale, node.input(3), 1, "dynamic");
    }

    /**
     * onnxruntime writes {@code Mul(Cast(MatMulInteger(...)), Mul(activation_scale, weight_scale))}: search
     * a few Cast/Mul steps down from the output for a Mul whose other operand is, or is the product of,
     * a float constant with 1 or {@code channels} values.
     */
    private String scaleReachingOutput(String output, long channels) {
        Deque<String> frontier = new ArrayDeque<>(List.of(output));
        Set<String> seen = new HashSet<>();
        for (int depth = 0; depth < 3 && !frontier.isEmpty(); depth++) {
            Deque<String> next = new ArrayDeque<>();
            for (String value : frontier) {
                for (OnnxGraph.Slot slot : graph.consumers(value)) {
                    OnnxNode n = slot.node();
                    if (!seen.add(n.name() + "#" + n.outputs())) {
                        continue;
                    }
                    if (n.opType().equals("Mul")) {
                        String other = n.input(1 - Math.min(slot.index(), 1));
                        String scale = scaleOperand(other, channels);
                        if (scale != null) {
                            return scale;
                        }
                    }
                    if ((n.opType().equals("Cast") || n.opType().equals("Mul")) && !n.outputs().isEmpty()) {
                        next.add(n.outputs().getFirst());
                    }
                }
            }
            frontier = next;
        }
        return null;
    }

    private String scaleOperand(String value, long channels) {
        if (isScale(value, channels)) {
            return value;
        }
        return graph.producer(value)
                .filter(p -> p.opType().equals("Mul"))
                .map(p -> isScale(p.input(0), channels) ? p.input(0) : isScale(p.input(1), channels) ? p.input(1) : null)
                .orElse(null);
    }

    private boolean isScale(String value, long channels) {
        ResolvedTensor t = constants.apply(value);
        return t != null && t.type().isFloatingPoint() && (t.elementCount() == 1 || t.elementCount() == channels);
    }

    private void dequantizeLinear(OnnxNode node) {
        if (node.intAttribute("block_size", 0) > 0) {
            return;
        }
        String x = node.input(0);
        ResolvedTensor q = integerConstant(x);
        if (q != null) {
            long axis = node.intAttribute("axis", 1);
            add(x, node.input(1), node.input(2), (int) (axis < 0 ? axis + q.shape().length : axis), "qdq");
            return;
        }
        // Quantised embeddings: DequantizeLinear(Gather(W_quantized, ids), scale, zero_point), one scale.
        graph.producer(x).filter(p -> p.opType().equals("Gather")).ifPresent(gather -> {
            ResolvedTensor t = constants.apply(node.input(1));
            if (integerConstant(gather.input(0)) != null && t != null && t.elementCount() == 1) {
                add(gather.input(0), node.input(1), node.input(2), -1, "dynamic");
            }
        });
    }

    private void byName(List<String> initializerNames) {
        String suffix = "_quantized";
        for (String name : initializerNames) {
            if (name.endsWith(suffix) && !found.containsKey(name)) {
                String base = name.substring(0, name.length() - suffix.length());
                ResolvedTensor q = integerConstant(name);
                ResolvedTensor scale = constants.apply(base + "_scale");
                if (q == null || scale == null) {
                    continue;
                }
                int axis = scale.elementCount() == 1 ? -1
                        : q.shape().length == 2 && scale.elementCount() == q.shape()[1] ? 1 : 0;
                add(name, base + "_scale", base + "_zero_point", axis, "dynamic");
            }
        }
    }

    private ResolvedTensor integerConstant(String value) {
        ResolvedTensor t = value.isEmpty() ? null : constants.apply(value);
        return t != null && t.type().isQuantizedInteger() ? t : null;
    }

    /** Records a triple when the scale and zero point exist and their lengths fit the axis. */
    private void add(String quantized, String scaleName, String zeroPointName, int axis, String scheme) {
        if (found.containsKey(quantized)) {
            return;
        }
        ResolvedTensor q = constants.apply(quantized);
        ResolvedTensor scale = constants.apply(scaleName);
        ResolvedTensor zero = zeroPointName.isEmpty() ? null : constants.apply(zeroPointName);
        if (q == null || scale == null || !scale.type().isFloatingPoint() || (!zeroPointName.isEmpty() && zero == null)) {
            return;
        }
        int resolvedAxis = scale.elementCount() == 1 ? -1 : axis;
        if (resolvedAxis >= 0 && (resolvedAxis >= q.shape().length || q.shape()[resolvedAxis] != scale.elementCount())) {
            return;
        }
        if (zero != null && zero.elementCount() != scale.elementCount()) {
            return;
        }
        found.put(quantized, new QuantizedWeight(quantized, scaleName, zero == null ? null : zeroPointName, resolvedAxis, scheme));
    }

    static List<String> parts(QuantizedWeight w) {
        List<String> parts = new ArrayList<>(List.of(w.scale()));
        if (w.zeroPoint() != null) {
            parts.add(w.zeroPoint());
        }
        return parts;
    }
}
