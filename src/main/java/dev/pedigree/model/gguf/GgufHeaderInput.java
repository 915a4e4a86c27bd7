package dev.pedigree.model.gguf;

import dev.pedigree.model.ModelFormatException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A cursor over the mapped file that reads the header's little-endian fields one by one. Every read
 * names the field it decodes, so a short or corrupt file is reported as "truncated while reading
 * the tensor count at byte 16" rather than as an index error.
 */
final class GgufHeaderInput {
    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN);

    private final Path file;
    private final MemorySegment segment;
    private long position;

    GgufHeaderInput(Path file, MemorySegment segment) {
        this.file = file;
        this.segment = segment;
    }

    long position() {
        return position;
    }

    long remaining() {
        return segment.byteSize() - position;
    }

    MemorySegment segment() {
        return segment;
    }

    ModelFormatException error(String problem) {
        return new ModelFormatException(file, problem);
    }

    private long take(long bytes, String field) {
        if (bytes > remaining()) {
            throw error("file truncated while reading " + field + " at byte " + position
                    + " (needs " + bytes + " bytes, " + remaining() + " left)");
        }
        long at = position;
        position += bytes;
        return at;
    }

    byte i8(String field) {
        return segment.get(ValueLayout.JAVA_BYTE, take(1, field));
    }

    short i16(String field) {
        return segment.get(U16, take(2, field));
    }

    long u32(String field) {
        return segment.get(U32, take(4, field)) & 0xFFFF_FFFFL;
    }

    int i32(String field) {
        return segment.get(U32, take(4, field));
    }

    /** An unsigned 64-bit count or size; values of 2^63 and above are refused as absurd. */
    long u64(String field) {
        long v = segment.get(U64, take(8, field));
        if (v < 0) {
            throw error(field + " is absurd: " + Long.toUnsignedString(v) + " (at byte " + (position - 8) + ")");
        }
        return v;
    }

    /** Raw 64 bits, for values (not sizes) stored as u64 or i64. */
    long bits64(String field) {
        return segment.get(U64, take(8, field));
    }

    /** Skips {@code bytes} bytes, refusing to run past the end. */
    void skip(long bytes, String field) {
        take(bytes, field);
    }

    /** A GGUF string: u64 length, then that many UTF-8 bytes (checked against the bytes left first). */
    String string(String field) {
        long length = stringLength(field);
        long at = take(length, field);
        byte[] bytes = new byte[(int) length];
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, at, bytes, 0, bytes.length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Skips a GGUF string without decoding it. */
    void skipString(String field) {
        take(stringLength(field), field);
    }

    private long stringLength(String field) {
        long length = u64("length of " + field);
        if (length > remaining()) {
            throw error("length of " + field + " is absurd: " + length + " bytes with " + remaining()
                    + " left in the file (at byte " + (position - 8) + ")");
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw error("length of " + field + " is absurd: " + length + " bytes");
        }
        return length;
    }
}
