package dev.pedigree.model.gguf;

import java.lang.foreign.MemorySegment;

// I32: 4 bytes per value, signed, little-endian (values beyond 2^24 lose precision as floats).
final class I32Decoder implements ElementDecoder {
    @Override
    public void decode(MemorySegment data, long first, float[] dst, int dstOffset, int count) {
        int[] values = new int[Math.min(count, CHUNK)];
        for (int done = 0; done < count; done += values.length) {
            int n = Math.min(values.length, count - done);
            MemorySegment.copy(data, INT, (first + done) * 4, values, 0, n);
            int o = dstOffset + done;
            for (int i = 0; i < n; i++) {
                dst[o + i] = values[i];
            }
        }
    }
}
