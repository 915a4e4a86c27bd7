package dev.pedigree.model.safetensors;

import java.lang.foreign.MemorySegment;

/** Decodes {@code count} consecutive little-endian elements starting at {@code byteOffset} to float. */
@FunctionalInterface
interface ElementDecoder {
    void decode(MemorySegment data, long byteOffset, float[] dst, int offset, int count);
}
