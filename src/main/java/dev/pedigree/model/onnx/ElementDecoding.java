package dev.pedigree.model.onnx;

/** Decodes single ONNX elements given as their stored bit pattern (one byte, short, or nibble) to float. */
final class ElementDecoding {
    private ElementDecoding() {
    }

    static float bfloat16(int bits16) {
        return Float.intBitsToFloat((bits16 & 0xFFFF) << 16);
    }

    static float float16(int bits16) {
        return Float.float16ToFloat((short) bits16);
    }

    /**
     * The four FLOAT8 variants (ONNX 1.14): E4M3FN has bias 7, no infinity, NaN at S.1111.111; the FNUZ
     * variants shift the bias by one and use 0x80 (negative zero) as their only NaN; E5M2 is the top
     * byte of an IEEE half.
     */
    static float float8(OnnxDataType type, int b) {
        b &= 0xFF;
        return switch (type) {
            case FLOAT8E5M2 -> Float.float16ToFloat((short) (b << 8));
            case FLOAT8E4M3FN -> (b & 0x7F) == 0x7F ? Float.NaN : miniFloat(b, 4, 3, 7);
            case FLOAT8E4M3FNUZ -> b == 0x80 ? Float.NaN : miniFloat(b, 4, 3, 8);
            case FLOAT8E5M2FNUZ -> b == 0x80 ? Float.NaN : miniFloat(b, 5, 2, 16);
            default -> throw new IllegalArgumentException(type + " is not a float8 type");
        };
    }

    private static float miniFloat(int b, int expBits, int mantBits, int bias) {
        int sign = (b >> 7) & 1;
        int exp = (b >> mantBits) & ((1 << expBits) - 1);
        int mant = b & ((1 << mantBits) - 1);
        float magnitude = exp == 0
                ? Math.scalb((float) mant / (1 << mantBits), 1 - bias)
                : Math.scalb(1f + (float) mant / (1 << mantBits), exp - bias);
        return sign == 1 ? -magnitude : magnitude;
    }

    /** Element {@code index} of a buffer of packed nibbles: low nibble first, sign-extended for INT4. */
    static int nibble(int packedByte, long index, boolean signed) {
        int v = (index & 1) == 0 ? packedByte & 0x0F : (packedByte >> 4) & 0x0F;
        return signed && v >= 8 ? v - 16 : v;
    }
}
