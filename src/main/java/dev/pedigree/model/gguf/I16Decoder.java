package dev.pedigree.model.gguf;

import java.lang.foreign.MemorySegment;

// I16: 2 bytes per value, signed, little-endian.
final class I16Decoder implements ElementDecoder {
    @Override
    public void decode(MemorySegment data, long first, float[] dst, int dstOffset, int count) {
        short[] values = new short[Math.min(count, CHUNK)];
        for (int done = 0; done < count; done += values.length) {
            int n = Math.min(values.length, count - done);
            MemorySegment.copy(data, SHORT, (first + done) * 2, values, 0, n);
            int o = dstOffset + done;
            for (int i = 0; i < n; i++) {
                dst[o + i] = values[i];
            }
        }
    }
}
