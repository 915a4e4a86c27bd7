package dev.pedigree.model.onnx;

import dev.pedigree.model.ModelFormat;
import dev.pedigree.model.ModelFormatException;
import dev.pedigree.model.ModelReader;
import dev.pedigree.model.TensorContainer;
import java.nio.file.Path;

/** Placeholder until the onnx reader lands: refuses every file. */
public final class OnnxReader implements ModelReader {
    @Override
    public ModelFormat format() {
        return ModelFormat.ONNX;
    }

    @Override
    public TensorContainer open(Path file) {
        throw new ModelFormatException(file, "the onnx reader is not built yet");
    }
}
