package dev.pedigree.model.gguf;

import dev.pedigree.model.ModelFormatException;
import dev.pedigree.model.StoredTensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;

/**
 * One GGUF tensor: a slice of the mapped data section. Reads of plain element types convert straight
 * from the mapping; reads of quantised types copy only the blocks covering the requested range out of
 * the mapping, a bounded chunk at a time, and decode them.
 */
final class GgufTensor implements StoredTensor {
    /** Raw bytes copied per step: large enough to amortise the copy, small enough to stay in cache. */
    private static final int CHUNK_BYTES = 64 * 1024;

    private final Path file;
    private final String name;
    private final GgmlType type;
    private final long[] shape;
    private final long elementCount;
    private final MemorySegment data;

    /** @param shape row-major, outermost first (ggml's dims reversed) */
    GgufTensor(Path file, String name, GgmlType type, long[] shape, long elementCount, MemorySegment data) {
        this.file = file;
        this.name = name;
        this.type = type;
        this.shape = shape.clone();
        this.elementCount = elementCount;
        this.data = data;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String dtype() {
        return type.name();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public long elementCount() {
        return elementCount;
    }

    @Override
    public long byteSize() {
        return data.byteSize();
    }

    @Override
    public void read(long first, float[] dst, int offset, int count) {
        java.util.Objects.checkFromIndexSize(offset, count, dst.length);
        if (first < 0 || first > elementCount - count) {
            throw new IndexOutOfBoundsException("elements [" + first + ", " + (first + count) + ") of " + name
                    + " with " + elementCount + " elements");
        }
        switch (type.decoder()) {
            case null -> throw new ModelFormatException(file, "tensor " + name + " has ggml type " + type
                    + ", which pedigree cannot decode yet");
            case ElementDecoder elements -> elements.decode(data, first, dst, offset, count);
            case BlockDecoder blocks -> readBlocks(blocks, first, dst, offset, count);
        }
    }

    private void readBlocks(BlockDecoder decoder, long first, float[] dst, int offset, int count) {
        int blockSize = type.blockSize();
        int blockBytes = type.blockBytes();
        int chunkBlocks = Math.max(1, CHUNK_BYTES / blockBytes);
        long firstBlock = first / blockSize;
        long endBlock = (first + count + blockSize - 1) / blockSize;
        byte[] raw = new byte[(int) Math.min(chunkBlocks, endBlock - firstBlock) * blockBytes];
        float[] partial = null;
        long position = first;
        int done = 0;
        while (done < count) {
            long block = position / blockSize;
            int within = (int) (position % blockSize);
            int left = count - done;
            int produced;
            if (within != 0 || left < blockSize) {
                // a block only partly asked for: decode it aside and copy the wanted part
                if (partial == null) {
                    partial = new float[blockSize];
                }
                copyBlocks(block, 1, raw);
                decoder.decode(raw, 0, partial, 0, 1);
                produced = Math.min(blockSize - within, left);
                System.arraycopy(partial, within, dst, offset + done, produced);
            } else {
                int blocks = Math.min(chunkBlocks, left / blockSize);
                copyBlocks(block, blocks, raw);
                decoder.decode(raw, 0, dst, offset + done, blocks);
                produced = blocks * blockSize;
            }
            done += produced;
            position += produced;
        }
    }

    private void copyBlocks(long firstBlock, int blocks, byte[] raw) {
        int blockBytes = type.blockBytes();
        MemorySegment.copy(data, ValueLayout.JAVA_BYTE, firstBlock * blockBytes, raw, 0, blocks * blockBytes);
    }

    @Override
    public String toString() {
        return name + " " + type + java.util.Arrays.toString(shape);
    }
}
