package dev.pedigree.model.source;

import dev.pedigree.error.BadInputException;
import java.io.IOException;
import java.nio.file.Path;

/** Refuses paths whose real location (after following every link) leaves a given folder. */
final class ContainedPath {
    private ContainedPath() {
    }

    /**
     * Returns the real path of {@code path}, or throws naming {@code what} when it cannot be resolved
     * or lies outside the real path of {@code boundary}.
     */
    static Path requireInside(Path boundary, Path path, String what) {
        Path realBoundary;
        Path real;
        try {
            realBoundary = boundary.toRealPath();
            real = path.toRealPath();
        } catch (IOException e) {
            throw new BadInputException(what + ": " + path + " cannot be resolved (broken link or missing file)");
        }
        if (!real.startsWith(realBoundary)) {
            throw new BadInputException(what + ": " + path + " is a link leading outside " + boundary + " (to " + real + ")");
        }
        return real;
    }
}
