package dev.pedigree.model.gguf;

// BF16: 2 bytes per value, the upper half of an IEEE single (same exponent range, 8-bit mantissa).
final class BF16Decoder implements BlockDecoder {
    @Override
    public void decode(byte[] src, int srcOffset, float[] dst, int dstOffset, int blocks) {
        for (int i = 0; i < blocks; i++) {
            dst[dstOffset + i] = Float.intBitsToFloat(LittleEndianBytes.int16(src, srcOffset + 2 * i) << 16);
        }
    }
}
