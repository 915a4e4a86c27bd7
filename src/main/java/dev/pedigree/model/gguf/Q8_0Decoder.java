package dev.pedigree.model.gguf;

// Q8_0: 32 values in 34 bytes.
//   [0..2)   fp16 d
//   [2..34)  32 x int8 q
//   x[j] = d * q[j]
final class Q8_0Decoder implements BlockDecoder {
    static final int BYTES = 34;

    @Override
    public void decode(byte[] src, int srcOffset, float[] dst, int dstOffset, int blocks) {
        for (int b = 0; b < blocks; b++) {
            int s = srcOffset + b * BYTES;
            int o = dstOffset + b * 32;
            float d = LittleEndianBytes.float16(src, s);
            for (int j = 0; j < 32; j++) {
                dst[o + j] = d * src[s + 2 + j];
            }
        }
    }
}
