package dev.pedigree.model.onnx;

import java.util.Arrays;

/**
 * Repeated numeric protobuf values gathered while parsing, capped so that a hostile file cannot make
 * the reader allocate without bound (each entry costs at least one byte of file, but 8 of heap).
 */
final class GrowableValues {
    static final int MAX_ENTRIES = 1 << 26;

    private final int limit;
    private long[] bits = new long[0];
    private int size;

    GrowableValues() {
        this(MAX_ENTRIES);
    }

    /** Values capped at {@code limit} entries (tensor dims, attribute lists are short in any real model). */
    GrowableValues(int limit) {
        this.limit = limit;
    }

    int limit() {
        return limit;
    }

    /** Returns false when the cap would be exceeded; the caller reports the file as malformed. */
    boolean add(long value) {
        if (size == limit) {
            return false;
        }
        if (size == bits.length) {
            bits = Arrays.copyOf(bits, Math.min(limit, Math.max(16, size * 2)));
        }
        bits[size++] = value;
        return true;
    }

    int size() {
        return size;
    }

    long[] toArray() {
        return Arrays.copyOf(bits, size);
    }
}
