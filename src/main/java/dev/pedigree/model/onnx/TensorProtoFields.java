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
    final List<Long> dims = new ArrayList<>();
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
        long[] d = new long[dims.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = dims.get(i);
        }
        return d;
    }
}
