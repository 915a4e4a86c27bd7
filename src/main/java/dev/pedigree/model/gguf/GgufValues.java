package dev.pedigree.model.gguf;

/**
 * How GGUF scalar values appear in the metadata map: integers of every width as Long (a u64 of
 * 2^63 or more as its Double value), floats as Double, bool as Boolean.
 */
final class GgufValues {
    private GgufValues() {
    }

    /** Converts the raw bits of a fixed-size value (sign-extended as read) into its map form. */
    static Object fixed(GgufValueType type, long raw) {
        return switch (type) {
            case UINT8 -> raw & 0xFFL;
            case UINT16 -> raw & 0xFFFFL;
            case UINT32 -> raw & 0xFFFF_FFFFL;
            case INT8, INT16, INT32, INT64 -> raw;
            case UINT64 -> raw >= 0 ? (Object) raw : (Object) unsignedToDouble(raw);
            case FLOAT32 -> (double) Float.intBitsToFloat((int) raw);
            case FLOAT64 -> Double.longBitsToDouble(raw);
            case BOOL -> raw != 0;
            case STRING, ARRAY -> throw new IllegalArgumentException("not a fixed-size type: " + type);
        };
    }

    private static double unsignedToDouble(long raw) {
        return (double) (raw >>> 1) * 2.0 + (raw & 1);
    }
}
