package dev.pedigree.model.onnx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TensorProto as found on the wire, before validation: where its bytes are (file offsets, never
 * copies of raw_data) and the small typed fields decoded. {@link TensorDataResolver} checks it.
 */
final class TensorProtoFields {
    /** An offset and length of little-endian bytes within the model file. */
    record Span(long offset, long length) {
    }

    String name = "";
    int dataType;
    /** Ranks above 64 are refused while parsing: no model has them, and each dim costs a byte of file. */
    final GrowableValues dims = new GrowableValues(64);
    Span raw;
    final List<Span> packedFloats = new ArrayList<>();
    final List<Span> packedDoubles = new ArrayList<>();
    final GrowableValues unpackedFloats = new GrowableValues();
    final GrowableValues unpackedDoubles = new GrowableValues();
    /** int32_data, int64_data or uint64_data entries, whichever the tensor used. */
    final GrowableValues integers = new GrowableValues();
    int dataLocation;
    final Map<String, String> externalData = new LinkedHashMap<>();

    long[] dimsArray() {
        return dims.toArray();
    }
}
