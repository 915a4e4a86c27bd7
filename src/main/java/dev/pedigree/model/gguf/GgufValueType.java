package dev.pedigree.model.gguf;

/** The types of GGUF metadata values, by on-disk id 0-12, with the bytes a fixed-size value takes. */
enum GgufValueType {
    UINT8(1), INT8(1), UINT16(2), INT16(2), UINT32(4), INT32(4), FLOAT32(4), BOOL(1),
    /** u64 length + UTF-8 bytes; 8 is the least it can take. */
    STRING(8),
    /** u32 item type + u64 count + items; 12 is the least it can take. */
    ARRAY(12),
    UINT64(8), INT64(8), FLOAT64(8);

    private static final GgufValueType[] BY_ID = values();

    /** Bytes of one value of a fixed-size type; for STRING and ARRAY the smallest possible encoding. */
    final int minBytes;

    GgufValueType(int minBytes) {
        this.minBytes = minBytes;
    }

    static GgufValueType byId(long id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[(int) id] : null;
    }

    boolean fixedSize() {
        return this != STRING && this != ARRAY;
    }
}
