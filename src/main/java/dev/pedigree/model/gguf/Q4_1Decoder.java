package dev.pedigree.model.gguf;

// Q4_1: 32 values in 20 bytes.
//   [0..2)   fp16 d
//   [2..4)   fp16 m
//   [4..20)  16 bytes of nibbles: low nibble of byte j -> value j, high nibble -> value j + 16
//   x = d * q + m
final class Q4_1Decoder implements BlockDecoder {
    static final int BYTES = 20;

    @Override
    public void decode(byte[] src, int srcOffset, float[] dst, int dstOffset, int blocks) {
        for (int b = 0; b < blocks; b++) {
            int s = srcOffset + b * BYTES;
            int o = dstOffset + b * 32;
            float d = LittleEndianBytes.float16(src, s);
            float m = LittleEndianBytes.float16(src, s + 2);
            for (int j = 0; j < 16; j++) {
                int q = src[s + 4 + j] & 0xFF;
                dst[o + j] = d * (q & 0x0F) + m;
                dst[o + j + 16] = d * (q >>> 4) + m;
            }
        }
    }
}
