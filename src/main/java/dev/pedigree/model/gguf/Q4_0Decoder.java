package dev.pedigree.model.gguf;

// Q4_0: 32 values in 18 bytes.
//   [0..2)   fp16 d
//   [2..18)  16 bytes of nibbles: low nibble of byte j -> value j, high nibble -> value j + 16
//   x = d * (q - 8)
final class Q4_0Decoder implements BlockDecoder {
    static final int BYTES = 18;

    @Override
    public void decode(byte[] src, int srcOffset, float[] dst, int dstOffset, int blocks) {
        for (int b = 0; b < blocks; b++) {
            int s = srcOffset + b * BYTES;
            int o = dstOffset + b * 32;
            float d = LittleEndianBytes.float16(src, s);
            for (int j = 0; j < 16; j++) {
                int q = src[s + 2 + j] & 0xFF;
                dst[o + j] = d * ((q & 0x0F) - 8);
                dst[o + j + 16] = d * ((q >>> 4) - 8);
            }
        }
    }
}
