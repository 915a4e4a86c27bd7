package dev.pedigree.model.safetensors;

/**
 * The two 8-bit float formats safetensors stores, decoded through 256-entry tables built from their
 * bit layouts (a table lookup is cheaper than re-deriving sign, exponent and mantissa per element).
 */
final class MiniFloat {
    /** E4M3FN (OCP FP8): bias 7, no infinities, only S.1111.111 is NaN; max 448. */
    static final float[] E4M3FN = table(4, 3, false);
    /** E5M2 (OCP FP8): bias 15, IEEE-like with infinities and NaNs at exponent 31. */
    static final float[] E5M2 = table(5, 2, true);

    private MiniFloat() {
    }

    private static float[] table(int exponentBits, int mantissaBits, boolean ieeeSpecials) {
        float[] values = new float[256];
        int bias = (1 << (exponentBits - 1)) - 1;
        int maxExponent = (1 << exponentBits) - 1;
        int mantissaMask = (1 << mantissaBits) - 1;
        for (int bits = 0; bits < 256; bits++) {
            boolean negative = (bits & 0x80) != 0;
            int exponent = (bits >> mantissaBits) & maxExponent;
            int mantissa = bits & mantissaMask;
            float magnitude;
            if (ieeeSpecials && exponent == maxExponent) {
                magnitude = mantissa == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
            } else if (!ieeeSpecials && exponent == maxExponent && mantissa == mantissaMask) {
                magnitude = Float.NaN;
            } else if (exponent == 0) {
                magnitude = Math.scalb((float) mantissa, 1 - bias - mantissaBits);
            } else {
                magnitude = Math.scalb((float) (mantissa | (1 << mantissaBits)), exponent - bias - mantissaBits);
            }
            values[bits] = negative ? -magnitude : magnitude;
        }
        return values;
    }
}
