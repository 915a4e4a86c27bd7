package dev.pedigree.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's shared reference data ({@code ../shared/reference} beside the clone, as in CI), or
 * the directory named by {@code -Dpedigree.shared}. Tests that need it fail, not skip, without it.
 */
public final class SharedReference {
    private SharedReference() {
    }

    public static Path cisco() {
        Path root = Path.of(System.getProperty("pedigree.shared", "../shared"));
        Path cisco = root.resolve("reference/cisco");
        assertTrue(Files.isDirectory(cisco), "MPK reference data not found at " + cisco.toAbsolutePath());
        return cisco;
    }
}
