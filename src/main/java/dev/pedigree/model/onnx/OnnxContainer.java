package dev.pedigree.model.onnx;

import dev.pedigree.model.ModelFormat;
import dev.pedigree.model.StoredTensor;
import dev.pedigree.model.MappedContainer;
import java.lang.foreign.Arena;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An opened ONNX model: its weights as stored tensors (quantised triples folded into one de-quantised
 * tensor each), its metadata, and the graph facts that name anonymous weights. Holds the mappings of
 * the model and its external data files.
 */
public final class OnnxContainer extends MappedContainer {
    private final OnnxGraph graph;
    private final Map<String, ResolvedTensor> constants;
    private final Map<String, GraphUse> uses;
    private final List<OnnxValueInfo> inputs;
    private final List<String> outputNames;

    OnnxContainer(Path file, Arena arena, List<StoredTensor> tensors, Map<String, Object> metadata, OnnxGraph graph,
                  Map<String, ResolvedTensor> constants, Map<String, GraphUse> uses, List<OnnxValueInfo> inputs,
                  List<OnnxValueInfo> outputs) {
        super(ModelFormat.ONNX, file, tensors, metadata, arena);
        this.graph = graph;
        this.constants = constants;
        this.uses = uses;
        this.inputs = List.copyOf(inputs);
        this.outputNames = outputs.stream().map(OnnxValueInfo::name).toList();
    }

    /** The names of the graph's outputs, in graph order (what a runtime session would return). */
    public List<String> outputNames() {
        return outputNames;
    }

    /** The operator consuming a listed tensor (after pass-through nodes), if any node uses it. */
    public Optional<GraphUse> graphUse(String tensorName) {
        return Optional.ofNullable(uses.get(tensorName));
    }

    OnnxGraph graph() {
        return graph;
    }

    /** An initialiser or Constant-node output by value name (including scales and shape constants). */
    Optional<ResolvedTensor> constant(String value) {
        return Optional.ofNullable(constants.get(value));
    }

    List<OnnxValueInfo> inputs() {
        return inputs;
    }
}
