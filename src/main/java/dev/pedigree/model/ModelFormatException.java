package dev.pedigree.model;

import dev.pedigree.error.BadInputException;
import java.nio.file.Path;

/** A model file that does not follow its format: the one error type every reader throws. */
public final class ModelFormatException extends BadInputException {
    private final Path file;

    public ModelFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public ModelFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
