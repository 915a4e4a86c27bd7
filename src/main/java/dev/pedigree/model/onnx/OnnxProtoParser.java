package dev.pedigree.model.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import dev.pedigree.model.ModelFormatException;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the ONNX protobuf messages pedigree needs straight off the wire (no generated classes). Each
 * method reads one message type and names the fields it decodes with their onnx.proto numbers;
 * unknown fields are skipped. Tensor payloads are not copied: raw_data and packed float/double
 * fields are recorded as spans of the mapped file.
 */
final class OnnxProtoParser {
    /*
     * Caps on repeated structure, far above any real model, so that a hostile file cannot turn a few
     * bytes per entry into unbounded heap.
     */
    private static final int MAX_DIMS = 64;
    private static final int MAX_ATTRIBUTE_INTS = 1 << 20;
    private static final int MAX_NODE_EDGES = 1 << 16;
    private static final int MAX_GRAPH_ENTRIES = 1 << 22;

    private final Path file;
    private final CodedInputStream in;
    /** Declared end offsets of the embedded messages being read, innermost first. */
    private final java.util.ArrayDeque<Integer> ends = new java.util.ArrayDeque<>();

    private OnnxProtoParser(Path file, MemorySegment model) {
        this.file = file;
        this.in = CodedInputStream.newInstance(model.asByteBuffer());
    }

    /** Parses a whole ModelProto; the segment must be under 2 GB (protobuf's own limit). */
    static OnnxModelProto parse(Path file, MemorySegment model) {
        OnnxProtoParser parser = new OnnxProtoParser(file, model);
        try {
            return parser.modelProto();
        } catch (IOException e) {
            throw new ModelFormatException(file, "malformed protobuf: " + e.getMessage(), e);
        }
    }

    private OnnxModelProto modelProto() throws IOException {
        long irVersion = 0;
        String producerName = "";
        String producerVersion = "";
        Map<String, Long> opsets = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        GraphFields graph = null;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> irVersion = varint(tag, "ModelProto.ir_version");
                case 2 -> producerName = string(tag, "ModelProto.producer_name");
                case 3 -> producerVersion = string(tag, "ModelProto.producer_version");
                case 7 -> {
                    int old = enter(tag, "ModelProto.graph");
                    graph = graphProto();
                    leave(old);
                }
                case 8 -> {
                    int old = enter(tag, "ModelProto.opset_import");
                    opsetImport(opsets);
                    leave(old);
                }
                case 14 -> {
                    int old = enter(tag, "ModelProto.metadata_props");
                    capped(metadata.size(), MAX_NODE_EDGES, "ModelProto.metadata_props");
                    String[] kv = stringStringEntry();
                    metadata.put(kv[0], kv[1]);
                    leave(old);
                }
                default -> skip(tag);
            }
        }
        if (graph == null) {
            throw new ModelFormatException(file, "not an ONNX model: no graph (ModelProto field 7)");
        }
        return new OnnxModelProto(irVersion, producerName, producerVersion, opsets, metadata, graph.name,
                graph.nodes, graph.initializers, graph.inputs, graph.outputs);
    }

    private static final class GraphFields {
        String name = "";
        final List<OnnxNode> nodes = new ArrayList<>();
        final List<TensorProtoFields> initializers = new ArrayList<>();
        final List<OnnxValueInfo> inputs = new ArrayList<>();
        final List<OnnxValueInfo> outputs = new ArrayList<>();
    }

    private GraphFields graphProto() throws IOException {
        GraphFields g = new GraphFields();
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> {
                    int old = enter(tag, "GraphProto.node");
                    capped(g.nodes.size(), MAX_GRAPH_ENTRIES, "GraphProto.node");
                    g.nodes.add(nodeProto());
                    leave(old);
                }
                case 2 -> g.name = string(tag, "GraphProto.name");
                case 5 -> {
                    int old = enter(tag, "GraphProto.initializer");
                    capped(g.initializers.size(), MAX_GRAPH_ENTRIES, "GraphProto.initializer");
                    g.initializers.add(tensorProto());
                    leave(old);
                }
                case 11 -> {
                    int old = enter(tag, "GraphProto.input");
                    capped(g.inputs.size(), MAX_NODE_EDGES, "GraphProto.input");
                    g.inputs.add(valueInfoProto());
                    leave(old);
                }
                case 12 -> {
                    int old = enter(tag, "GraphProto.output");
                    capped(g.outputs.size(), MAX_NODE_EDGES, "GraphProto.output");
                    g.outputs.add(valueInfoProto());
                    leave(old);
                }
                default -> skip(tag);
            }
        }
        return g;
    }

    private void opsetImport(Map<String, Long> opsets) throws IOException {
        String domain = "";
        long version = 0;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> domain = string(tag, "OperatorSetIdProto.domain");
                case 2 -> version = varint(tag, "OperatorSetIdProto.version");
                default -> skip(tag);
            }
        }
        opsets.put(domain, version);
    }

    private String[] stringStringEntry() throws IOException {
        String key = "";
        String value = "";
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> key = string(tag, "StringStringEntryProto.key");
                case 2 -> value = string(tag, "StringStringEntryProto.value");
                default -> skip(tag);
            }
        }
        return new String[] {key, value};
    }

    private OnnxNode nodeProto() throws IOException {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        String name = "";
        String opType = "";
        String domain = "";
        Map<String, OnnxAttribute> attributes = new LinkedHashMap<>();
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> {
                    capped(inputs.size(), MAX_NODE_EDGES, "NodeProto.input");
                    inputs.add(string(tag, "NodeProto.input"));
                }
                case 2 -> {
                    capped(outputs.size(), MAX_NODE_EDGES, "NodeProto.output");
                    outputs.add(string(tag, "NodeProto.output"));
                }
                case 3 -> name = string(tag, "NodeProto.name");
                case 4 -> opType = string(tag, "NodeProto.op_type");
                case 5 -> {
                    int old = enter(tag, "NodeProto.attribute");
                    capped(attributes.size(), MAX_NODE_EDGES, "NodeProto.attribute");
                    OnnxAttribute a = attributeProto();
                    attributes.put(a.name(), a);
                    leave(old);
                }
                case 7 -> domain = string(tag, "NodeProto.domain");
                default -> skip(tag);
            }
        }
        return new OnnxNode(name, opType, domain, List.copyOf(inputs), List.copyOf(outputs), attributes);
    }

    private OnnxAttribute attributeProto() throws IOException {
        String name = "";
        long i = 0;
        float f = 0;
        String s = "";
        GrowableValues ints = new GrowableValues(MAX_ATTRIBUTE_INTS);
        TensorProtoFields t = null;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> name = string(tag, "AttributeProto.name");
                case 2 -> {
                    expect(tag, WireFormat.WIRETYPE_FIXED32, "AttributeProto.f");
                    f = in.readFloat();
                }
                case 3 -> i = varint(tag, "AttributeProto.i");
                case 4 -> s = string(tag, "AttributeProto.s");
                case 5 -> {
                    int old = enter(tag, "AttributeProto.t");
                    t = tensorProto();
                    leave(old);
                }
                case 8 -> repeatedVarint(tag, ints, "AttributeProto.ints");
                default -> skip(tag);
            }
        }
        return new OnnxAttribute(name, i, f, s, ints.toArray(), t);
    }

    private OnnxValueInfo valueInfoProto() throws IOException {
        String name = "";
        int elemType = 0;
        List<Long> dims = new ArrayList<>();
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> name = string(tag, "ValueInfoProto.name");
                case 2 -> {
                    int old = enter(tag, "ValueInfoProto.type");
                    elemType = typeProto(dims);
                    leave(old);
                }
                default -> skip(tag);
            }
        }
        return new OnnxValueInfo(name, elemType, List.copyOf(dims));
    }

    /** TypeProto: only tensor_type (1) matters; returns its elem_type and fills the shape's dims. */
    private int typeProto(List<Long> dims) throws IOException {
        int elemType = 0;
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (WireFormat.getTagFieldNumber(tag) == 1) {
                int old = enter(tag, "TypeProto.tensor_type");
                int t;
                while ((t = in.readTag()) != 0) {
                    switch (WireFormat.getTagFieldNumber(t)) {
                        case 1 -> elemType = (int) varint(t, "TypeProto.Tensor.elem_type");
                        case 2 -> {
                            int oldShape = enter(t, "TypeProto.Tensor.shape");
                            tensorShape(dims);
                            leave(oldShape);
                        }
                        default -> skip(t);
                    }
                }
                leave(old);
            } else {
                skip(tag);
            }
        }
        return elemType;
    }

    private void tensorShape(List<Long> dims) throws IOException {
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (WireFormat.getTagFieldNumber(tag) == 1) {
                int old = enter(tag, "TensorShapeProto.dim");
                long value = -1;
                int t;
                while ((t = in.readTag()) != 0) {
                    if (WireFormat.getTagFieldNumber(t) == 1) {
                        value = varint(t, "Dimension.dim_value");
                    } else {
                        skip(t);
                    }
                }
                capped(dims.size(), MAX_DIMS, "TensorShapeProto.dim");
                dims.add(value);
                leave(old);
            } else {
                skip(tag);
            }
        }
    }

    private TensorProtoFields tensorProto() throws IOException {
        TensorProtoFields t = new TensorProtoFields();
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> repeatedVarint(tag, t.dims, "TensorProto.dims");
                case 2 -> t.dataType = (int) varint(tag, "TensorProto.data_type");
                case 4 -> repeatedFixed(tag, WireFormat.WIRETYPE_FIXED32, t.packedFloats, t.unpackedFloats, "TensorProto.float_data");
                case 5 -> repeatedVarint(tag, t.integers, "TensorProto.int32_data");
                case 7 -> repeatedVarint(tag, t.integers, "TensorProto.int64_data");
                case 8 -> t.name = string(tag, "TensorProto.name");
                case 9 -> {
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "TensorProto.raw_data");
                    t.raw = span("TensorProto.raw_data");
                }
                case 10 -> repeatedFixed(tag, WireFormat.WIRETYPE_FIXED64, t.packedDoubles, t.unpackedDoubles, "TensorProto.double_data");
                case 11 -> repeatedVarint(tag, t.integers, "TensorProto.uint64_data");
                case 13 -> {
                    int old = enter(tag, "TensorProto.external_data");
                    capped(t.externalData.size(), MAX_NODE_EDGES, "TensorProto.external_data");
                    String[] kv = stringStringEntry();
                    t.externalData.put(kv[0], kv[1]);
                    leave(old);
                }
                case 14 -> t.dataLocation = (int) varint(tag, "TensorProto.data_location");
                default -> skip(tag);
            }
        }
        return t;
    }

    /** A length-delimited payload left in place: its file offset is the stream position after the length. */
    private TensorProtoFields.Span span(String field) throws IOException {
        int length = in.readRawVarint32();
        if (length < 0) {
            throw new ModelFormatException(file, field + " has negative length " + length);
        }
        long offset = in.getTotalBytesRead();
        in.skipRawBytes(length);
        return new TensorProtoFields.Span(offset, length);
    }

    /** A repeated varint field, packed (one length-delimited run) or not (one tag per value). */
    private void repeatedVarint(int tag, GrowableValues into, String field) throws IOException {
        int wireType = WireFormat.getTagWireType(tag);
        if (wireType == WireFormat.WIRETYPE_VARINT) {
            add(into, in.readRawVarint64(), field);
        } else if (wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            int old = enter(tag, field);
            while (in.getBytesUntilLimit() > 0) {
                add(into, in.readRawVarint64(), field);
            }
            leave(old);
        } else {
            throw badWireType(field, wireType);
        }
    }

    /** A repeated float or double field: packed runs stay in the file as spans; unpacked values are kept. */
    private void repeatedFixed(int tag, int elementWireType, List<TensorProtoFields.Span> packed, GrowableValues unpacked,
                               String field) throws IOException {
        int wireType = WireFormat.getTagWireType(tag);
        if (wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            capped(packed.size(), MAX_NODE_EDGES, field + " runs");
            packed.add(span(field));
        } else if (wireType == elementWireType) {
            long bits = elementWireType == WireFormat.WIRETYPE_FIXED32
                    ? Double.doubleToRawLongBits(in.readFloat()) : Double.doubleToRawLongBits(in.readDouble());
            add(unpacked, bits, field);
        } else {
            throw badWireType(field, wireType);
        }
    }

    private void add(GrowableValues into, long value, String field) {
        if (!into.add(value)) {
            throw new ModelFormatException(file, field + " has more than " + into.limit() + " entries"
                    + (into.limit() == GrowableValues.MAX_ENTRIES ? "; large tensors must use raw_data" : ""));
        }
    }

    private void capped(int size, int limit, String field) {
        if (size >= limit) {
            throw new ModelFormatException(file, field + " repeats more than " + limit + " times");
        }
    }

    private long varint(int tag, String field) throws IOException {
        expect(tag, WireFormat.WIRETYPE_VARINT, field);
        return in.readRawVarint64();
    }

    private String string(int tag, String field) throws IOException {
        expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, field);
        return in.readString();
    }

    /** Enters an embedded message: reads its length and limits the stream to it. */
    private int enter(int tag, String field) throws IOException {
        expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, field);
        int length = in.readRawVarint32();
        if (length < 0) {
            throw new ModelFormatException(file, field + " has negative length " + length);
        }
        if (length > in.getBytesUntilLimit() && in.getBytesUntilLimit() >= 0) {
            throw new ModelFormatException(file, "truncated: " + field + " claims " + length
                    + " bytes, " + in.getBytesUntilLimit() + " remain in its parent");
        }
        ends.push(in.getTotalBytesRead() + length);
        return in.pushLimit(length);
    }

    /** Leaves an embedded message, which must have been read to exactly its declared end. */
    private void leave(int oldLimit) throws IOException {
        int end = ends.pop();
        if (in.getTotalBytesRead() != end) {
            throw new ModelFormatException(file, "truncated: a message declared to end at byte " + end
                    + " stops at byte " + in.getTotalBytesRead());
        }
        in.popLimit(oldLimit);
    }

    private void skip(int tag) throws IOException {
        int wireType = WireFormat.getTagWireType(tag);
        if (wireType > WireFormat.WIRETYPE_FIXED32 || wireType == WireFormat.WIRETYPE_END_GROUP) {
            throw badWireType("field " + WireFormat.getTagFieldNumber(tag), wireType);
        }
        in.skipField(tag);
    }

    private void expect(int tag, int wireType, String field) {
        int actual = WireFormat.getTagWireType(tag);
        if (actual != wireType) {
            throw badWireType(field, actual);
        }
    }

    private ModelFormatException badWireType(String field, int wireType) {
        return new ModelFormatException(file, "bad wire type " + wireType + " for " + field + " at byte "
                + in.getTotalBytesRead());
    }
}
