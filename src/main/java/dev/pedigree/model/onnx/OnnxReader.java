package dev.pedigree.model.onnx;

import dev.pedigree.model.ModelFormat;
import dev.pedigree.model.ModelFormatException;
import dev.pedigree.model.ModelReader;
import dev.pedigree.model.StoredTensor;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Opens an {@code .onnx} file: maps it, parses the protobuf, validates every initialiser and
 * Constant-node tensor (and external data ranges), and folds quantised weights into de-quantised
 * logical tensors. Constant-node tensors are listed when they could be weights (floating point or
 * quantised integers of rank at least 1); scalars and shape constants stay internal.
 */
public final class OnnxReader implements ModelReader {
    /** CodedInputStream addresses the message through an int; bigger weights live in external data. */
    private static final long MAX_MODEL_BYTES = Integer.MAX_VALUE;

    @Override
    public ModelFormat format() {
        return ModelFormat.ONNX;
    }

    @Override
    public OnnxContainer open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException(file, "not a regular file");
        }
        Arena arena = Arena.ofShared();
        try {
            MemorySegment model = map(file, arena);
            return build(file, arena, model, OnnxProtoParser.parse(file, model));
        } catch (ModelFormatException e) {
            arena.close();
            throw e;
        } catch (RuntimeException e) {
            arena.close();
            throw new ModelFormatException(file, "malformed ONNX model (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    private static MemorySegment map(Path file, Arena arena) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                throw new ModelFormatException(file, "empty file");
            }
            if (size > MAX_MODEL_BYTES) {
                throw new ModelFormatException(file, "protobuf part is " + size + " bytes; ONNX models over 2 GB keep weights in external data");
            }
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
        } catch (IOException e) {
            throw new ModelFormatException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private static OnnxContainer build(Path file, Arena arena, MemorySegment model, OnnxModelProto proto) {
        TensorDataResolver resolver = new TensorDataResolver(file, model, new ExternalDataFiles(file, arena));
        Map<String, ResolvedTensor> constants = new LinkedHashMap<>();
        List<String> initializerNames = new ArrayList<>();
        for (TensorProtoFields t : proto.initializers()) {
            if (constants.containsKey(t.name)) {
                throw new ModelFormatException(file, "duplicate initializer '" + t.name + "'");
            }
            constants.put(t.name, resolver.resolve(t, t.name));
            initializerNames.add(t.name);
        }
        List<String> constantNodeOutputs = new ArrayList<>();
        for (OnnxNode node : proto.nodes()) {
            OnnxAttribute value = node.attributes().get("value");
            if (node.opType().equals("Constant") && value != null && value.t() != null && !node.outputs().isEmpty()) {
                String name = node.outputs().getFirst();
                if (constants.containsKey(name)) {
                    throw new ModelFormatException(file, "Constant node output '" + name + "' repeats an initializer or another constant");
                }
                constants.put(name, resolver.resolve(value.t(), name));
                constantNodeOutputs.add(name);
            }
        }
        OnnxGraph graph = new OnnxGraph(proto.nodes());
        Map<String, QuantizedWeight> quantized = QuantizedWeightFinder.find(graph, constants::get, initializerNames);
        Map<String, BlockQuantizedWeight> blocks = QuantizedWeightFinder.findMatMulNBits(graph, constants::get);
        Set<String> folded = new HashSet<>();
        for (QuantizedWeight w : quantized.values()) {
            folded.addAll(QuantizedWeightFinder.parts(w));
        }
        for (BlockQuantizedWeight w : blocks.values()) {
            folded.add(w.scale());
            if (w.zeroPoint() != null) {
                folded.add(w.zeroPoint());
            }
        }

        List<StoredTensor> tensors = new ArrayList<>();
        Map<String, GraphUse> uses = new LinkedHashMap<>();
        for (String name : initializerNames) {
            addTensor(name, constants, quantized, blocks, folded, graph, tensors, uses);
        }
        for (String name : constantNodeOutputs) {
            ResolvedTensor t = constants.get(name);
            boolean weightLike = t.shape().length >= 1
                    && (t.type().isFloatingPoint() || quantized.containsKey(name) || blocks.containsKey(name));
            if (weightLike) {
                addTensor(name, constants, quantized, blocks, folded, graph, tensors, uses);
            }
        }
        return new OnnxContainer(file, arena, tensors, metadata(proto), graph, constants, uses, proto.inputs(), proto.outputs());
    }

    private static void addTensor(String name, Map<String, ResolvedTensor> constants, Map<String, QuantizedWeight> quantized,
                                  Map<String, BlockQuantizedWeight> blocks, Set<String> folded, OnnxGraph graph,
                                  List<StoredTensor> tensors, Map<String, GraphUse> uses) {
        if (folded.contains(name)) {
            return;
        }
        ResolvedTensor t = constants.get(name);
        GraphUse use = graph.useOf(name).orElse(null);
        QuantizedWeight w = quantized.get(name);
        BlockQuantizedWeight block = blocks.get(name);
        StoredTensor stored;
        if (block != null) {
            String logical = name.replaceFirst("_Q\\d+$", "");
            stored = new BlockQuantizedTensor(logical, block, t, constants.get(block.scale()),
                    block.zeroPoint() == null ? null : constants.get(block.zeroPoint()), use == null ? logical : use.nodeName());
        } else if (w == null) {
            stored = new OnnxStoredTensor(t, use);
        } else {
            ResolvedTensor scale = constants.get(w.scale());
            ResolvedTensor zero = w.zeroPoint() == null ? null : constants.get(w.zeroPoint());
            float[] scales = scale.readAll();
            float[] zeros = zero == null ? new float[scales.length] : zero.readAll();
            String logical = name.endsWith("_quantized") ? name.substring(0, name.length() - "_quantized".length()) : name;
            long extra = scale.byteSize() + (zero == null ? 0 : zero.byteSize());
            stored = new DequantizedTensor(logical, t.type().label() + "(" + w.scheme() + ")", t, scales, zeros,
                    w.axis(), extra, use);
        }
        tensors.add(stored);
        if (use != null) {
            uses.put(stored.name(), use);
        }
    }

    private static Map<String, Object> metadata(OnnxModelProto proto) {
        Map<String, Object> m = new LinkedHashMap<>(proto.metadata());
        m.put("onnx.ir_version", proto.irVersion());
        m.put("onnx.producer_name", proto.producerName());
        m.put("onnx.producer_version", proto.producerVersion());
        m.put("onnx.graph_name", proto.graphName());
        proto.opsets().forEach((domain, version) -> m.put("onnx.opset." + (domain.isEmpty() ? "ai.onnx" : domain), version));
        m.put("onnx.inputs", describe(proto.inputs()));
        m.put("onnx.outputs", describe(proto.outputs()));
        return m;
    }

    /** Graph inputs or outputs as {@code name:TYPE[d0,d1]}, symbolic dims as {@code ?}. */
    private static List<String> describe(List<OnnxValueInfo> values) {
        List<String> out = new ArrayList<>();
        for (OnnxValueInfo v : values) {
            StringBuilder b = new StringBuilder(v.name()).append(':')
                    .append(OnnxDataType.byId(v.elemType()).map(OnnxDataType::label).orElse("type" + v.elemType())).append('[');
            for (int i = 0; i < v.dims().size(); i++) {
                b.append(i == 0 ? "" : ",").append(v.dims().get(i) < 0 ? "?" : v.dims().get(i).toString());
            }
            out.add(b.append(']').toString());
        }
        return List.copyOf(out);
    }
}
