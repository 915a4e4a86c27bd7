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
                // quarter k of the half: low nibbles of ql[0..32) / ql[32..64), then high nibbles;
                // its high bits are bits 2k..2k+1 of qh. Each run of 16 shares one scale, so the
                // inner loops have no per-element scale lookup and vectorise.
                for (int k = 0; k < 4; k++) {
                    int low = ql + 32 * (k & 1);
                    int nibbleShift = 4 * (k >> 1);
                    int highShift = 2 * k;
                    for (int run = 0; run < 2; run++) {
                        float scale = ds[8 * h + 2 * k + run];
                        int base = 16 * run;
                        int out = y + 32 * k + base;
                        for (int l = 0; l < 16; l++) {
                            int q = (((src[low + base + l] & 0xFF) >>> nibbleShift) & 0x0F)
                                    | ((((src[qh + base + l] & 0xFF) >>> highShift) & 3) << 4);
                            dst[out + l] = scale * (q - 32);
                        }
                    }
                }
            }
        }
    }
}
