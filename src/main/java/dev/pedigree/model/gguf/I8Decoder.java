package dev.pedigree.model.gguf;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

// I8: 1 byte per value, signed.
final class I8Decoder implements ElementDecoder {
    @Override
    public void decode(MemorySegment data, long first, float[] dst, int dstOffset, int count) {
        byte[] values = new byte[Math.min(count, CHUNK)];
        for (int done = 0; done < count; done += values.length) {
            int n = Math.min(values.length, count - done);
            MemorySegment.copy(data, ValueLayout.JAVA_BYTE, first + done, values, 0, n);
            int o = dstOffset + done;
            for (int i = 0; i < n; i++) {
                dst[o + i] = values[i];
            }
        }
    }
}
