package dev.pedigree.model.gguf;

// Q5_1: 32 values in 24 bytes.
//   [0..2)   fp16 d
//   [2..4)   fp16 m
//   [4..8)   u32 qh: bit j is the fifth bit of value j
//   [8..24)  16 bytes of nibbles: low nibble of byte j -> value j, high nibble -> value j + 16
//   x = d * q + m
final class Q5_1Decoder implements BlockDecoder {
    static final int BYTES = 24;

    @Override
    public void decode(byte[] src, int srcOffset, float[] dst, int dstOffset, int blocks) {
        for (int b = 0; b < blocks; b++) {
            int s = srcOffset + b * BYTES;
            int o = dstOffset + b * 32;
            float d = LittleEndianBytes.float16(src, s);
            float m = LittleEndianBytes.float16(src, s + 2);
            int qh = LittleEndianBytes.int32(src, s + 4);
            for (int j = 0; j < 16; j++) {
                int q = src[s + 8 + j] & 0xFF;
                int lo = (q & 0x0F) | (((qh >>> j) & 1) << 4);
                int hi = (q >>> 4) | (((qh >>> (j + 16)) & 1) << 4);
                dst[o + j] = d * lo + m;
                dst[o + j + 16] = d * hi + m;
            }
        }
    }
}
