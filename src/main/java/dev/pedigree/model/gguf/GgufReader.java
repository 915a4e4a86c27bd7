package dev.pedigree.model.gguf;

import dev.pedigree.model.ModelFormat;
import dev.pedigree.model.ModelFormatException;
import dev.pedigree.model.ModelReader;
import dev.pedigree.model.TensorContainer;
import java.nio.file.Path;

/** Placeholder until the gguf reader lands: refuses every file. */
public final class GgufReader implements ModelReader {
    @Override
    public ModelFormat format() {
        return ModelFormat.GGUF;
    }

    @Override
    public TensorContainer open(Path file) {
        throw new ModelFormatException(file, "the gguf reader is not built yet");
    }
}
