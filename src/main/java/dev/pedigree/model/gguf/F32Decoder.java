package dev.pedigree.model.gguf;

import java.lang.foreign.MemorySegment;

// F32: 4 bytes per value, IEEE single precision, little-endian: a straight copy.
final class F32Decoder implements ElementDecoder {
    @Override
    public void decode(MemorySegment data, long first, float[] dst, int dstOffset, int count) {
        MemorySegment.copy(data, FLOAT, first * 4, dst, dstOffset, count);
    }
}
