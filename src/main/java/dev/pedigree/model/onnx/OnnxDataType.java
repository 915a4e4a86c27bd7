package dev.pedigree.model.onnx;

import java.util.Optional;

/**
 * The TensorProto element types pedigree can decode, with ONNX's type id, the label reported for
 * them, their width in bits, and the typed field that holds them when they are not in raw_data.
 * Ids have gaps (8 STRING, 14/15 COMPLEX are not weights and are refused).
 */
enum OnnxDataType {
    FLOAT(1, "FLOAT", 32, TypedField.FLOAT_DATA),
    UINT8(2, "UINT8", 8, TypedField.INT32_DATA),
    INT8(3, "INT8", 8, TypedField.INT32_DATA),
    UINT16(4, "UINT16", 16, TypedField.INT32_DATA),
    INT16(5, "INT16", 16, TypedField.INT32_DATA),
    INT32(6, "INT32", 32, TypedField.INT32_DATA),
    INT64(7, "INT64", 64, TypedField.INT64_DATA),
    BOOL(9, "BOOL", 8, TypedField.INT32_DATA),
    FLOAT16(10, "FLOAT16", 16, TypedField.INT32_DATA),
    DOUBLE(11, "DOUBLE", 64, TypedField.DOUBLE_DATA),
    UINT32(12, "UINT32", 32, TypedField.UINT64_DATA),
    UINT64(13, "UINT64", 64, TypedField.UINT64_DATA),
    BFLOAT16(16, "BFLOAT16", 16, TypedField.INT32_DATA),
    FLOAT8E4M3FN(17, "FLOAT8E4M3FN", 8, TypedField.INT32_DATA),
    FLOAT8E4M3FNUZ(18, "FLOAT8E4M3FNUZ", 8, TypedField.INT32_DATA),
    FLOAT8E5M2(19, "FLOAT8E5M2", 8, TypedField.INT32_DATA),
    FLOAT8E5M2FNUZ(20, "FLOAT8E5M2FNUZ", 8, TypedField.INT32_DATA),
    UINT4(21, "UINT4", 4, TypedField.INT32_DATA),
    INT4(22, "INT4", 4, TypedField.INT32_DATA);

    /** Which repeated TensorProto field carries values of a type when raw_data is absent. */
    enum TypedField { FLOAT_DATA, INT32_DATA, INT64_DATA, DOUBLE_DATA, UINT64_DATA }

    private final int id;
    private final String label;
    private final int bits;
    private final TypedField typedField;

    OnnxDataType(int id, String label, int bits, TypedField typedField) {
        this.id = id;
        this.label = label;
        this.bits = bits;
        this.typedField = typedField;
    }

    static Optional<OnnxDataType> byId(int id) {
        for (OnnxDataType t : values()) {
            if (t.id == id) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    String label() {
        return label;
    }

    int bits() {
        return bits;
    }

    TypedField typedField() {
        return typedField;
    }

    /** Bytes {@code count} elements occupy in raw_data (4-bit types pack two per byte, low nibble first). */
    long rawBytes(long count) {
        return bits == 4 ? (count + 1) / 2 : Math.multiplyExact(count, bits / 8);
    }

    boolean isQuantizedInteger() {
        return this == INT8 || this == UINT8 || this == INT4 || this == UINT4 || this == INT16 || this == UINT16;
    }

    boolean isFloatingPoint() {
        return switch (this) {
            case FLOAT, FLOAT16, BFLOAT16, DOUBLE, FLOAT8E4M3FN, FLOAT8E4M3FNUZ, FLOAT8E5M2, FLOAT8E5M2FNUZ -> true;
            default -> false;
        };
    }
}
