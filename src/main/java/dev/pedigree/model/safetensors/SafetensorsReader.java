package dev.pedigree.model.safetensors;

import dev.pedigree.model.ModelFormat;
import dev.pedigree.model.ModelFormatException;
import dev.pedigree.model.ModelReader;
import dev.pedigree.model.TensorContainer;
import java.nio.file.Path;

/** Placeholder until the safetensors reader lands: refuses every file. */
public final class SafetensorsReader implements ModelReader {
    @Override
    public ModelFormat format() {
        return ModelFormat.SAFETENSORS;
    }

    @Override
    public TensorContainer open(Path file) {
        throw new ModelFormatException(file, "the safetensors reader is not built yet");
    }
}
