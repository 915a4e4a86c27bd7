package dev.pedigree.model.gguf;

// F64: 8 bytes per value, IEEE double precision, rounded to float on read.
final class F64Decoder implements BlockDecoder {
    @Override
    public void decode(byte[] src, int srcOffset, float[] dst, int dstOffset, int blocks) {
        for (int i = 0; i < blocks; i++) {
            dst[dstOffset + i] = (float) Double.longBitsToDouble(LittleEndianBytes.int64(src, srcOffset + 8 * i));
        }
    }
}
