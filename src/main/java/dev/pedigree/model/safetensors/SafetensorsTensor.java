package dev.pedigree.model.safetensors;

import dev.pedigree.model.StoredTensor;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

/** One tensor of a mapped safetensors file: a slice of the mapping holding exactly its bytes. */
final class SafetensorsTensor implements StoredTensor {
    private final HeaderEntry entry;
    private final MemorySegment bytes;

    SafetensorsTensor(HeaderEntry entry, MemorySegment bytes) {
        this.entry = entry;
        this.bytes = bytes;
    }

    @Override
    public String name() {
        return entry.name();
    }

    @Override
    public String dtype() {
        return entry.dtype().headerName();
    }

    @Override
    public long[] shape() {
        return entry.shape().clone();
    }

    @Override
    public long byteSize() {
        return bytes.byteSize();
    }

    @Override
    public long elementCount() {
        return entry.elementCount();
    }

    @Override
    public void prefetch(long first, long count) {
        if (first >= 0 && count > 0 && first + count <= entry.elementCount()) {
            int size = entry.dtype().byteSize();
            PageAdvice.fetch(bytes, first * size, count * size);
        }
    }

    @Override
    public void read(long first, float[] dst, int offset, int count) {
        Objects.checkFromIndexSize(first, count, entry.elementCount());
        Objects.checkFromIndexSize(offset, count, dst.length);
        SafetensorsDtype dtype = entry.dtype();
        PageAdvice.willNeed(bytes, first * dtype.byteSize(), (long) count * dtype.byteSize());
        dtype.decoder().decode(bytes, first * dtype.byteSize(), dst, offset, count);
    }
}
