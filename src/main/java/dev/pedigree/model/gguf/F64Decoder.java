package dev.pedigree.model.gguf;

import java.lang.foreign.MemorySegment;

// F64: 8 bytes per value, IEEE double precision, rounded to float on read.
final class F64Decoder implements ElementDecoder {
    @Override
    public void decode(MemorySegment data, long first, float[] dst, int dstOffset, int count) {
        double[] values = new double[Math.min(count, CHUNK)];
        for (int done = 0; done < count; done += values.length) {
            int n = Math.min(values.length, count - done);
            MemorySegment.copy(data, DOUBLE, (first + done) * 8, values, 0, n);
            int o = dstOffset + done;
            for (int i = 0; i < n; i++) {
                dst[o + i] = (float) values[i];
            }
        }
    }
}
