package dev.pedigree.model.gguf;

// BF16: 2 bytes per value, the upper half of an IEEE single (same exponent range, 8-bit mantissa).
final class BF16Decoder implements BlockDecoder {
    @Override
    public void decode(byte[] src, int srcOffset, float[] dst, int dstOffset, int blocks) {
        int i = 0;
        // two values per 32-bit load: the low half is the first value
        for (; i + 1 < blocks; i += 2) {
            int pair = LittleEndianBytes.int32(src, srcOffset + 2 * i);
            dst[dstOffset + i] = Float.intBitsToFloat(pair << 16);
            dst[dstOffset + i + 1] = Float.intBitsToFloat(pair & 0xFFFF_0000);
        }
        if (i < blocks) {
            dst[dstOffset + i] = Float.intBitsToFloat(LittleEndianBytes.int16(src, srcOffset + 2 * i) << 16);
        }
    }
}
