package dev.pedigree.model.gguf;

// F16: 2 bytes per value, IEEE half precision, little-endian.
final class F16Decoder implements BlockDecoder {
    @Override
    public void decode(byte[] src, int srcOffset, float[] dst, int dstOffset, int blocks) {
        for (int i = 0; i < blocks; i++) {
            dst[dstOffset + i] = LittleEndianBytes.float16(src, srcOffset + 2 * i);
        }
    }
}
