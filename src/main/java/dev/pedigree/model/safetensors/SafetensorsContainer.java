package dev.pedigree.model.safetensors;

import dev.pedigree.model.ModelFormat;
import dev.pedigree.model.StoredTensor;
import dev.pedigree.model.TensorContainer;
import java.lang.foreign.Arena;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The tensors of one safetensors file or sharded checkpoint; owns the arena holding every mapping. */
final class SafetensorsContainer implements TensorContainer {
    private final Path file;
    private final List<StoredTensor> tensors;
    private final Map<String, Object> metadata;
    private final Arena arena;

    SafetensorsContainer(Path file, List<StoredTensor> tensors, Map<String, Object> metadata, Arena arena) {
        this.file = file;
        this.tensors = List.copyOf(tensors);
        this.metadata = Collections.unmodifiableMap(metadata);
        this.arena = arena;
    }

    @Override
    public ModelFormat format() {
        return ModelFormat.SAFETENSORS;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public List<StoredTensor> tensors() {
        return tensors;
    }

    @Override
    public Map<String, Object> metadata() {
        return metadata;
    }

    /** Unmaps every file; reading a tensor afterwards throws {@link IllegalStateException}. */
    @Override
    public synchronized void close() {
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }
}
