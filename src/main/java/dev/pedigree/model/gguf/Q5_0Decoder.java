package dev.pedigree.model.gguf;

// Q5_0: 32 values in 22 bytes.
//   [0..2)   fp16 d
//   [2..6)   u32 qh: bit j is the fifth bit of value j
//   [6..22)  16 bytes of nibbles: low nibble of byte j -> value j, high nibble -> value j + 16
//   x = d * (q - 16)
final class Q5_0Decoder implements BlockDecoder {
    static final int BYTES = 22;

    @Override
    public void decode(byte[] src, int srcOffset, float[] dst, int dstOffset, int blocks) {
        for (int b = 0; b < blocks; b++) {
            int s = srcOffset + b * BYTES;
            int o = dstOffset + b * 32;
            float d = LittleEndianBytes.float16(src, s);
            int qh = LittleEndianBytes.int32(src, s + 2);
            for (int j = 0; j < 16; j++) {
                int q = src[s + 6 + j] & 0xFF;
                int lo = (q & 0x0F) | (((qh >>> j) & 1) << 4);
                int hi = (q >>> 4) | (((qh >>> (j + 16)) & 1) << 4);
                dst[o + j] = d * (lo - 16);
                dst[o + j + 16] = d * (hi - 16);
            }
        }
    }
}
