package dev.pedigree.model.gguf;

import java.lang.foreign.MemorySegment;

// F16: 2 bytes per value, IEEE half precision, little-endian.
final class F16Decoder implements ElementDecoder {
    @Override
    public void decode(MemorySegment data, long first, float[] dst, int dstOffset, int count) {
        short[] bits = new short[Math.min(count, CHUNK)];
        for (int done = 0; done < count; done += bits.length) {
            int n = Math.min(bits.length, count - done);
            MemorySegment.copy(data, SHORT, (first + done) * 2, bits, 0, n);
            int o = dstOffset + done;
            for (int i = 0; i < n; i++) {
                dst[o + i] = Float.float16ToFloat(bits[i]);
            }
        }
    }
}
