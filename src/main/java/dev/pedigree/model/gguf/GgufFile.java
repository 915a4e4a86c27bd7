package dev.pedigree.model.gguf;

import dev.pedigree.model.ModelFormat;
import dev.pedigree.model.StoredTensor;
import dev.pedigree.model.MappedContainer;
import java.lang.foreign.Arena;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An open GGUF file: its key-values and tensors over one mapping of the whole file, released by
 * {@link #close()}. Array values in {@link #metadata()} are views over the mapping (see
 * {@link GgufStringArray}), so they too are valid only until then.
 */
public final class GgufFile extends MappedContainer {
    private final int version;
    private final long alignment;
    private final long dataOffset;

    GgufFile(Path file, Arena arena, int version, long alignment, long dataOffset,
             List<StoredTensor> tensors, LinkedHashMap<String, Object> metadata) {
        super(ModelFormat.GGUF, file, tensors, metadata, arena);
        this.version = version;
        this.alignment = alignment;
        this.dataOffset = dataOffset;
    }

    /** The GGUF version the file declares: 2 or 3. */
    public int version() {
        return version;
    }

    /** Alignment of tensor data: {@code general.alignment}, or 32 when the file does not say. */
    public long alignment() {
        return alignment;
    }

    /** Byte offset of the data section (tensor offsets are relative to it). */
    public long dataOffset() {
        return dataOffset;
    }
}
