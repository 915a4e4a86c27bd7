package dev.pedigree.fingerprint;

import dev.pedigree.error.BadInputException;
import java.nio.file.Path;

/** A database entry that cannot be trusted: unreadable, edited, truncated or from a newer schema. */
public final class CorruptEntryException extends BadInputException {
    private final Path file;

    public CorruptEntryException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
