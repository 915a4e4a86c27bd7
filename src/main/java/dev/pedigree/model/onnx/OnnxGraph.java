package dev.pedigree.model.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The node graph indexed both ways: which node produces a value, and which nodes consume it. */
final class OnnxGraph {
    /** A node input: the node and the slot the value feeds. */
    record Slot(OnnxNode node, int index) {
    }

    /** Nodes that only move, cast or (de-)quantise a weight on its way to the operator that uses it. */
    private static final Set<String> PASS_THROUGH = Set.of("Transpose", "Cast", "QuantizeLinear", "DequantizeLinear", "Identity");
    private static final int MAX_CHAIN = 16;

    private final List<OnnxNode> nodes;
    private final Map<String, OnnxNode> producers = new HashMap<>();
    private final Map<String, List<Slot>> consumers = new HashMap<>();

    OnnxGraph(List<OnnxNode> nodes) {
        this.nodes = List.copyOf(nodes);
        for (OnnxNode node : nodes) {
            for (String out : node.outputs()) {
                producers.putIfAbsent(out, node);
            }
            for (int i = 0; i < node.inputs().size(); i++) {
                String in = node.inputs().get(i);
                if (!in.isEmpty()) {
                    consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(new Slot(node, i));
                }
            }
        }
    }

    List<OnnxNode> nodes() {
        return nodes;
    }

    Optional<OnnxNode> producer(String value) {
        return Optional.ofNullable(producers.get(value));
    }

    List<Slot> consumers(String value) {
        return consumers.getOrDefault(value, List.of());
    }

    /**
     * The operator that really uses {@code tensor}: the first consumer that is not a Shape query,
     * followed through pass-through nodes. Empty when nothing consumes it.
     */
    Optional<GraphUse> useOf(String tensor) {
        String value = tensor;
        boolean transposed = false;
        for (int step = 0; step < MAX_CHAIN; step++) {
            Slot slot = firstRealConsumer(value);
            if (slot == null) {
                return Optional.empty();
            }
            OnnxNode node = slot.node();
            if (PASS_THROUGH.contains(node.opType()) && slot.index() == 0 && !node.outputs().isEmpty()) {
                if (node.opType().equals("Transpose") && swapsTwoDims(node)) {
                    transposed = !transposed;
                }
                value = node.outputs().getFirst();
                continue;
            }
            boolean inputMajor = switch (node.opType()) {
                case "MatMul", "MatMulInteger" -> slot.index() == 1;
                case "Gemm", "FusedMatMul" -> slot.index() == 1 && node.intAttribute("transB", 0) == 0;
                default -> false;
            };
            return Optional.of(new GraphUse(node.name().isEmpty() ? tensor : node.name(), node.opType(), slot.index(),
                    inputMajor != transposed && isMatrixOperator(node)));
        }
        return Optional.empty();
    }

    private static boolean isMatrixOperator(OnnxNode node) {
        return switch (node.opType()) {
            case "MatMul", "MatMulInteger", "Gemm", "FusedMatMul" -> true;
            default -> false;
        };
    }

    private Slot firstRealConsumer(String value) {
        for (Slot s : consumers(value)) {
            if (!s.node().opType().equals("Shape")) {
                return s;
            }
        }
        return null;
    }

    /** A Transpose of a matrix: no perm (reverse all dims) or perm [1, 0]. */
    private static boolean swapsTwoDims(OnnxNode node) {
        OnnxAttribute perm = node.attributes().get("perm");
        return perm == null || (perm.ints().length == 2 && perm.ints()[0] == 1 && perm.ints()[1] == 0);
    }
}
