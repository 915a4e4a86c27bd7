package dev.pedigree.model.gguf;

// Q6_K: 256 values in 210 bytes, sixteen sub-blocks of 16, in two halves of 128.
//   [0..128)    ql: low 4 bits; in half h, byte 64h+l holds value 128h+l (low nibble)
//               and value 128h+64+l (high nibble), l < 64
//   [128..192)  qh: high 2 bits; in half h, bits 2s..2s+1 of byte 32h+l belong to value 128h+32s+l
//   [192..208)  16 x int8 scales, one per 16 values
//   [208..210)  fp16 d
//   x = (d * scale) * (q - 32), q in 0..63
final class Q6_KDecoder implements BlockDecoder {
    static final int BYTES = 210;

    @Override
    public void decode(byte[] src, int srcOffset, float[] dst, int dstOffset, int blocks) {
        float[] ds = new float[16];
        for (int b = 0; b < blocks; b++) {
            int s = srcOffset + b * BYTES;
            int o = dstOffset + b * 256;
            float d = LittleEndianBytes.float16(src, s + 208);
            for (int i = 0; i < 16; i++) {
                ds[i] = d * src[s + 192 + i];
            }
            for (int h = 0; h < 2; h++) {
                int ql = s + 64 * h;
                int qh = s + 128 + 32 * h;
                int y = o + 128 * h;
                int sc = 8 * h;
                for (int l = 0; l < 32; l++) {
                    int lowA = src[ql + l] & 0xFF;
                    int lowB = src[ql + 32 + l] & 0xFF;
                    int high = src[qh + l] & 0xFF;
                    int q0 = ((lowA & 0x0F) | ((high & 3) << 4)) - 32;
                    int q1 = ((lowB & 0x0F) | (((high >>> 2) & 3) << 4)) - 32;
                    int q2 = ((lowA >>> 4) | (((high >>> 4) & 3) << 4)) - 32;
                    int q3 = ((lowB >>> 4) | (((high >>> 6) & 3) << 4)) - 32;
                    int is = sc + (l >>> 4);
                    dst[y + l] = ds[is] * q0;
                    dst[y + 32 + l] = ds[is + 2] * q1;
                    dst[y + 64 + l] = ds[is + 4] * q2;
                    dst[y + 96 + l] = ds[is + 6] * q3;
                }
            }
        }
    }
}
