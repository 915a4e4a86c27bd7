package dev.pedigree.model.gguf;

// I32: 4 bytes per value, signed, little-endian (values beyond 2^24 lose precision as floats).
final class I32Decoder implements BlockDecoder {
    @Override
    public void decode(byte[] src, int srcOffset, float[] dst, int dstOffset, int blocks) {
        for (int i = 0; i < blocks; i++) {
            dst[dstOffset + i] = LittleEndianBytes.int32(src, srcOffset + 4 * i);
        }
    }
}
