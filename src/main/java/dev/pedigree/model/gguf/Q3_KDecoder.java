package dev.pedigree.model.gguf;

// Q3_K: 256 values in 110 bytes, sixteen sub-blocks of 16.
//   [0..32)    hmask: bit i of hmask[l] is the high bit of value 32i+l; a CLEAR bit subtracts 4
//   [32..96)   qs: low 2 bits; in half h, bits 2s..2s+1 of byte 32+32h+l belong to value 128h+32s+l
//   [96..108)  sixteen 6-bit scales: low 4 bits in bytes 0-7 (low nibble for sub-blocks 0-7,
//              high nibble for 8-15), high 2 bits of sub-block i at bits 2(i/4) of byte 8 + i%4
//   [108..110) fp16 d
//   x = (d * (scale - 32)) * (q - (high bit clear ? 4 : 0))
final class Q3_KDecoder implements BlockDecoder {
    static final int BYTES = 110;

    @Override
    public void decode(byte[] src, int srcOffset, float[] dst, int dstOffset, int blocks) {
        for (int b = 0; b < blocks; b++) {
            int s = srcOffset + b * BYTES;
            int o = dstOffset + b * 256;
            float d = LittleEndianBytes.float16(src, s + 108);
            int sc = s + 96;
            for (int v = 0; v < 256; v += 16) {
                int i = v / 16;
                int low = ((src[sc + (i % 8)] & 0xFF) >>> (4 * (i / 8))) & 0x0F;
                int high = ((src[sc + 8 + (i % 4)] & 0xFF) >>> (2 * (i / 4))) & 3;
                float dl = d * ((low | (high << 4)) - 32);
                int h = v / 128;
                int shift = 2 * ((v % 128) / 32);
                int q = s + 32 + 32 * h + (v % 32);
                int maskBit = v / 32;
                int m = s + (v % 32);
                for (int l = 0; l < 16; l++) {
                    int lowBits = ((src[q + l] & 0xFF) >>> shift) & 3;
                    int subtract = ((src[m + l] >>> maskBit) & 1) == 0 ? 4 : 0;
                    dst[o + v + l] = dl * (lowBits - subtract);
                }
            }
        }
    }
}
