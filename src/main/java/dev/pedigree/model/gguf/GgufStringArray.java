package dev.pedigree.model.gguf;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A metadata array of strings (a vocabulary's tokens, its BPE merges) decoded on access from the
 * mapping. The header parse walks it once to check every length and keeps the offset of every
 * {@value #STRIDE}th string, so random access walks at most that many length fields and the index
 * costs an eighth of a word per string. Valid while its container is open.
 */
final class GgufStringArray extends AbstractList<Object> implements RandomAccess {
    static final int STRIDE = 16;
    private static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final MemorySegment segment;
    private final long[] checkpoints;
    private final int size;

    /** @param checkpoints offsets of strings 0, STRIDE, 2*STRIDE, ... (already validated) */
    GgufStringArray(MemorySegment segment, long[] checkpoints, int size) {
        this.segment = segment;
        this.checkpoints = checkpoints;
        this.size = size;
    }

    @Override
    public Object get(int index) {
        java.util.Objects.checkIndex(index, size);
        long at = checkpoints[index / STRIDE];
        for (int i = 0; i < index % STRIDE; i++) {
            at += 8 + segment.get(U64, at);
        }
        int length = (int) segment.get(U64, at);
        byte[] bytes = new byte[length];
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, at + 8, bytes, 0, length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public int size() {
        return size;
    }
}
