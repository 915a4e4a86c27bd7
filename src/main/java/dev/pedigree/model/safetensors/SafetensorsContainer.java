package dev.pedigree.model.safetensors;

import dev.pedigree.model.ModelFormat;
import dev.pedigree.model.StoredTensor;
import dev.pedigree.model.MappedContainer;
import java.lang.foreign.Arena;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The tensors of one safetensors file or sharded checkpoint; owns the arena holding every mapping. */
final class SafetensorsContainer extends MappedContainer {
    SafetensorsContainer(Path file, List<StoredTensor> tensors, Map<String, Object> metadata, Arena arena) {
        super(ModelFormat.SAFETENSORS, file, tensors, metadata, arena);
    }
}
