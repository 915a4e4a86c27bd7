package dev.pedigree.model.gguf;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A metadata array of fixed-size values (token scores, token types, per-layer counts) read in place
 * from the mapping: the header parse only checks its extent, so a 150k-entry score table costs no
 * heap until someone reads it. Valid while its container is open.
 */
final class GgufNumberArray extends AbstractList<Object> implements RandomAccess {
    private static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final MemorySegment segment;
    private final long start;
    private final GgufValueType type;
    private final int size;

    GgufNumberArray(MemorySegment segment, long start, GgufValueType type, int size) {
        this.segment = segment;
        this.start = start;
        this.type = type;
        this.size = size;
    }

    @Override
    public Object get(int index) {
        java.util.Objects.checkIndex(index, size);
        long at = start + (long) index * type.minBytes;
        return GgufValues.fixed(type, switch (type) {
            case UINT8, INT8, BOOL -> segment.get(ValueLayout.JAVA_BYTE, at);
            case UINT16, INT16 -> segment.get(I16, at);
            case UINT32, INT32 -> segment.get(I32, at);
            case FLOAT32 -> Float.floatToRawIntBits(segment.get(F32, at));
            case UINT64, INT64 -> segment.get(I64, at);
            case FLOAT64 -> Double.doubleToRawLongBits(segment.get(F64, at));
            case STRING, ARRAY -> throw new IllegalStateException("not a fixed-size type: " + type);
        });
    }

    @Override
    public int size() {
        return size;
    }
}
