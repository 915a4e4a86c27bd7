package dev.pedigree.model.gguf;

// I8: 1 byte per value, signed.
final class I8Decoder implements BlockDecoder {
    @Override
    public void decode(byte[] src, int srcOffset, float[] dst, int dstOffset, int blocks) {
        for (int i = 0; i < blocks; i++) {
            dst[dstOffset + i] = src[srcOffset + i];
        }
    }
}
