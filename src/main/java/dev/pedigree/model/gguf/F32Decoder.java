package dev.pedigree.model.gguf;

// F32: 4 bytes per value, IEEE single precision, little-endian.
final class F32Decoder implements BlockDecoder {
    @Override
    public void decode(byte[] src, int srcOffset, float[] dst, int dstOffset, int blocks) {
        for (int i = 0; i < blocks; i++) {
            dst[dstOffset + i] = Float.intBitsToFloat(LittleEndianBytes.int32(src, srcOffset + 4 * i));
        }
    }
}
