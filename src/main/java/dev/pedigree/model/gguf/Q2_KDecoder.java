package dev.pedigree.model.gguf;

// Q2_K: 256 values in 84 bytes, sixteen sub-blocks of 16, in two halves of 128.
//   [0..16)   scales: low nibble scale, high nibble min, one byte per sub-block
//   [16..80)  qs: 2-bit values; in half h, bits 2s..2s+1 of byte 16+32h+l belong to value 128h+32s+l
//   [80..82)  fp16 d
//   [82..84)  fp16 dmin
//   x = (d * scale) * q - (dmin * min)
final class Q2_KDecoder implements BlockDecoder {
    static final int BYTES = 84;

    @Override
    public void decode(byte[] src, int srcOffset, float[] dst, int dstOffset, int blocks) {
        for (int b = 0; b < blocks; b++) {
            int s = srcOffset + b * BYTES;
            int o = dstOffset + b * 256;
            float d = LittleEndianBytes.float16(src, s + 80);
            float dmin = LittleEndianBytes.float16(src, s + 82);
            for (int v = 0; v < 256; v += 16) {
                int sc = src[s + v / 16] & 0xFF;
                float dl = d * (sc & 0x0F);
                float ml = dmin * (sc >>> 4);
                int h = v / 128;
                int shift = 2 * ((v % 128) / 32);
                int q = s + 16 + 32 * h + (v % 32);
                for (int l = 0; l < 16; l++) {
                    dst[o + v + l] = dl * (((src[q + l] & 0xFF) >>> shift) & 3) - ml;
                }
            }
        }
    }
}
