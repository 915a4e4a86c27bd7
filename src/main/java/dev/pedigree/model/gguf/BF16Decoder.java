package dev.pedigree.model.gguf;

import java.lang.foreign.MemorySegment;

// BF16: 2 bytes per value, the upper half of an IEEE single (same exponent range, 8-bit mantissa).
final class BF16Decoder implements ElementDecoder {
    @Override
    public void decode(MemorySegment data, long first, float[] dst, int dstOffset, int count) {
        short[] bits = new short[Math.min(count, CHUNK)];
        for (int done = 0; done < count; done += bits.length) {
            int n = Math.min(bits.length, count - done);
            MemorySegment.copy(data, SHORT, (first + done) * 2, bits, 0, n);
            int o = dstOffset + done;
            for (int i = 0; i < n; i++) {
                dst[o + i] = Float.intBitsToFloat(bits[i] << 16);
            }
        }
    }
}
