package dev.pedigree.model;

import java.lang.foreign.Arena;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every reader's container shares: the file, the stored tensors in file order, the metadata,
 * and the arena holding the memory mappings. Closing unmaps once; closing again does nothing, and a
 * tensor read after close throws {@link IllegalStateException}.
 */
public abstract class MappedContainer implements TensorContainer {
    private final ModelFormat format;
    private final Path file;
    private final List<StoredTensor> tensors;
    private final Map<String, Object> metadata;
    private final Arena arena;
    private final AtomicBoolean closed = new AtomicBoolean();

    protected MappedContainer(ModelFormat format, Path file, List<? extends StoredTensor> tensors,
                              Map<String, Object> metadata, Arena arena) {
        this.format = format;
        this.file = file;
        this.tensors = List.copyOf(tensors);
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        this.arena = arena;
    }

    @Override
    public final ModelFormat format() {
        return format;
    }

    @Override
    public final Path file() {
        return file;
    }

    @Override
    public final List<StoredTensor> tensors() {
        return tensors;
    }

    @Override
    public final Map<String, Object> metadata() {
        return metadata;
    }

    @Override
    public final void close() {
        if (!closed.getAndSet(true)) {
            arena.close();
        }
    }
}
