package dev.pedigree.model;

import java.nio.file.Path;

/**
 * Opens one weight file (or a sharded safetensors index) into a {@link TensorContainer}. Validates
 * everything it will later rely on before returning, and throws {@link ModelFormatException} naming
 * the file and the problem otherwise. Never executes anything found in the file.
 */
public interface ModelReader {
    ModelFormat format();

    TensorContainer open(Path file);
}
