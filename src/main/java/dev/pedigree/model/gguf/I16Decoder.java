package dev.pedigree.model.gguf;

// I16: 2 bytes per value, signed, little-endian.
final class I16Decoder implements BlockDecoder {
    @Override
    public void decode(byte[] src, int srcOffset, float[] dst, int dstOffset, int blocks) {
        for (int i = 0; i < blocks; i++) {
            dst[dstOffset + i] = LittleEndianBytes.int16(src, srcOffset + 2 * i);
        }
    }
}
