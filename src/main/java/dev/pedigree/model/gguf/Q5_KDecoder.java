package dev.pedigree.model.gguf;

// Q5_K: 256 values in 176 bytes, eight sub-blocks of 32.
//   [0..2)     fp16 d
//   [2..4)     fp16 dmin
//   [4..16)    12 bytes of packed 6-bit scales and mins (see KQuantScales)
//   [16..48)   qh[32]: bit i of qh[l] is the fifth bit of value l of sub-block i
//   [48..176)  128 bytes of nibbles: bytes 32p..32p+32 hold sub-block 2p (low nibbles)
//              and sub-block 2p+1 (high nibbles)
//   x = (d * scale) * q - (dmin * min)
final class Q5_KDecoder implements BlockDecoder {
    static final int BYTES = 176;

    @Override
    public void decode(byte[] src, int srcOffset, float[] dst, int dstOffset, int blocks) {
        int[] scales = new int[8];
        int[] mins = new int[8];
        for (int b = 0; b < blocks; b++) {
            int s = srcOffset + b * BYTES;
            int o = dstOffset + b * 256;
            float d = LittleEndianBytes.float16(src, s);
            float dmin = LittleEndianBytes.float16(src, s + 2);
            KQuantScales.unpack(src, s + 4, scales, mins);
            int qh = s + 16;
            int qs = s + 48;
            for (int p = 0; p < 4; p++) {
                float d1 = d * scales[2 * p];
                float m1 = dmin * mins[2 * p];
                float d2 = d * scales[2 * p + 1];
                float m2 = dmin * mins[2 * p + 1];
                int lowBit = 2 * p;
                int highBit = 2 * p + 1;
                int q = qs + 32 * p;
                int y = o + 64 * p;
                for (int l = 0; l < 32; l++) {
                    int v = src[q + l] & 0xFF;
                    int h = src[qh + l] & 0xFF;
                    dst[y + l] = d1 * ((v & 0x0F) | (((h >>> lowBit) & 1) << 4)) - m1;
                    dst[y + 32 + l] = d2 * ((v >>> 4) | (((h >>> highBit) & 1) << 4)) - m2;
                }
            }
        }
    }
}
