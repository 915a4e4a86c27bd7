package dev.pedigree.blackbox.prompts;

import dev.pedigree.error.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Finds a prompt set by file path or by the name of a set shipped in the tool's {@code prompts/}
 * folder (the launcher passes the tool's home as {@code -Dpedigree.home}).
 */
public final class ShippedPrompts {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private ShippedPrompts() {
    }

    public static Path resolve(String fileOrName) {
        Path asFile = Path.of(fileOrName);
        if (Files.isRegularFile(asFile)) {
            return asFile;
        }
        if (NAME.matcher(fileOrName).matches()) {
            Path shipped = Path.of(System.getProperty("pedigree.home", ".")).resolve("prompts").resolve(fileOrName + ".txt");
            if (Files.isRegularFile(shipped)) {
                return shipped;
            }
        }
        throw new BadInputException("--prompts " + fileOrName + ": no such file, and no shipped prompt set of that name");
    }
}
