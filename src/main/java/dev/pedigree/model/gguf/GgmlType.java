package dev.pedigree.model.gguf;

/**
 * ggml tensor element types with the facts a reader needs: the on-disk id (ggml's ids have gaps:
 * 4, 5, 31-33 and 36-38 are retired), how many values one block holds, how many bytes it takes,
 * and the decoder, or null where pedigree cannot decode the type yet (such tensors are listed but
 * refuse to be read).
 */
public enum GgmlType {
    F32(0, 1, 4, new F32Decoder()),
    F16(1, 1, 2, new F16Decoder()),
    Q4_0(2, 32, 18, new Q4_0Decoder()),
    Q4_1(3, 32, 20, new Q4_1Decoder()),
    Q5_0(6, 32, 22, new Q5_0Decoder()),
    Q5_1(7, 32, 24, new Q5_1Decoder()),
    Q8_0(8, 32, 34, new Q8_0Decoder()),
    Q8_1(9, 32, 40, null),
    Q2_K(10, 256, 84, new Q2_KDecoder()),
    Q3_K(11, 256, 110, new Q3_KDecoder()),
    Q4_K(12, 256, 144, new Q4_KDecoder()),
    Q5_K(13, 256, 176, new Q5_KDecoder()),
    Q6_K(14, 256, 210, new Q6_KDecoder()),
    Q8_K(15, 256, 292, null),
    IQ2_XXS(16, 256, 66, null),
    IQ2_XS(17, 256, 74, null),
    IQ3_XXS(18, 256, 98, null),
    IQ1_S(19, 256, 50, null),
    IQ4_NL(20, 32, 18, null),
    IQ3_S(21, 256, 110, null),
    IQ2_S(22, 256, 82, null),
    IQ4_XS(23, 256, 136, null),
    I8(24, 1, 1, new I8Decoder()),
    I16(25, 1, 2, new I16Decoder()),
    I32(26, 1, 4, new I32Decoder()),
    I64(27, 1, 8, null),
    F64(28, 1, 8, new F64Decoder()),
    IQ1_M(29, 256, 56, null),
    BF16(30, 1, 2, new BF16Decoder()),
    TQ1_0(34, 256, 54, null),
    TQ2_0(35, 256, 66, null),
    MXFP4(39, 32, 17, null),
    NVFP4(40, 64, 36, null),
    Q1_0(41, 128, 18, null);

    private static final GgmlType[] BY_ID = new GgmlType[42];

    static {
        for (GgmlType t : values()) {
            BY_ID[t.id] = t;
        }
    }

    private final int id;
    private final int blockSize;
    private final int blockBytes;
    private final GgmlDecoder decoder;

    GgmlType(int id, int blockSize, int blockBytes, GgmlDecoder decoder) {
        this.id = id;
        this.blockSize = blockSize;
        this.blockBytes = blockBytes;
        this.decoder = decoder;
    }

    /** The type with this on-disk id, or null for a retired or unknown id. */
    public static GgmlType byId(long id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[(int) id] : null;
    }

    /** True for ids ggml once used and has since removed (Q4_2, Q4_3, the Q4_0 repacks, IQ4_NL_4_4...). */
    static boolean isRetired(long id) {
        return id == 4 || id == 5 || (id >= 31 && id <= 33) || (id >= 36 && id <= 38);
    }

    public int id() {
        return id;
    }

    /** Values per block (1 for plain element types). */
    public int blockSize() {
        return blockSize;
    }

    /** Bytes per block. */
    public int blockBytes() {
        return blockBytes;
    }

    public boolean decodable() {
        return decoder != null;
    }

    /** The decoder, or null when {@link #decodable()} is false. */
    GgmlDecoder decoder() {
        return decoder;
    }
}
