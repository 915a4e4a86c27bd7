package dev.pedigree.model.safetensors;

import java.util.Optional;

/** The element types of the safetensors format: header name, bytes per element, and decoder to float. */
enum SafetensorsDtype {
    F64("F64", 8, Decoders::f64),
    F32("F32", 4, Decoders::f32),
    F16("F16", 2, Decoders::f16),
    BF16("BF16", 2, Decoders::bf16),
    F8_E4M3("F8_E4M3", 1, Decoders::f8e4m3),
    F8_E5M2("F8_E5M2", 1, Decoders::f8e5m2),
    I64("I64", 8, Decoders::i64),
    I32("I32", 4, Decoders::i32),
    I16("I16", 2, Decoders::i16),
    I8("I8", 1, Decoders::i8),
    U64("U64", 8, Decoders::u64),
    U32("U32", 4, Decoders::u32),
    U16("U16", 2, Decoders::u16),
    U8("U8", 1, Decoders::u8),
    BOOL("BOOL", 1, Decoders::bool);

    private final String headerName;
    private final int byteSize;
    private final ElementDecoder decoder;

    SafetensorsDtype(String headerName, int byteSize, ElementDecoder decoder) {
        this.headerName = headerName;
        this.byteSize = byteSize;
        this.decoder = decoder;
    }

    /** The name as it appears in a header's {@code dtype} field. */
    String headerName() {
        return headerName;
    }

    int byteSize() {
        return byteSize;
    }

    ElementDecoder decoder() {
        return decoder;
    }

    static Optional<SafetensorsDtype> byHeaderName(String name) {
        for (SafetensorsDtype d : values()) {
            if (d.headerName.equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
