package dev.pedigree.model.gguf;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Decodes a plain element type (one value per "block") straight from the mapped tensor data: a typed
 * little-endian bulk copy into a primitive array, then a conversion loop the JIT vectorises.
 */
non-sealed interface ElementDecoder extends GgmlDecoder {
    /** Values converted per bulk copy, bounding the scratch array. */
    int CHUNK = 16 * 1024;
    ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** Decodes elements {@code [first, first+count)} of {@code data} into {@code dst[dstOffset..]}. */
    void decode(MemorySegment data, long first, float[] dst, int dstOffset, int count);
}
