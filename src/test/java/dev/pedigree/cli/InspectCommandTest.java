package dev.pedigree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.testing.CliRun;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad MODEL arguments through the real command line: exit code 2, one line on stderr, nothing cached. */
class InspectCommandTest {
    @TempDir
    Path tmp;
    private String savedCache;
    private String savedRepo;

    @BeforeEach
    void isolateCacheAndRepository() {
        savedCache = System.getProperty("pedigree.cache");
        savedRepo = System.getProperty("maven.repo.local");
        System.setProperty("pedigree.cache", tmp.resolve("cache").toString());
        System.setProperty("maven.repo.local", tmp.resolve("repo").toString());
    }

    @AfterEach
    void restore() {
        restore("pedigree.cache", savedCache);
        restore("maven.repo.local", savedRepo);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void badModelArgumentsExitTwoWithOneLineNamingThem() throws IOException {
        Path pickleDir = Files.createDirectories(tmp.resolve("torch-model"));
        Files.writeString(pickleDir.resolve("pytorch_model.bin"), "pickle bytes");
        Path emptyDir = Files.createDirectories(tmp.resolve("empty"));
        Path slipJar = tmp.resolve("repo/org/evil/m/1/m-1.jar");
        Files.createDirectories(slipJar.getParent());
        try (OutputStream os = Files.newOutputStream(slipJar); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.putNextEntry(new ZipEntry("../../escape.onnx"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        List<String[]> cases = List.of(
                new String[] {tmp.resolve("no-such-model").toString(), "no such file"},
                new String[] {"gs:bucket/model", "unknown MODEL scheme"},
                new String[] {"maven:only:two", "expected maven:GROUP:ARTIFACT:VERSION"},
                new String[] {"hf:acme/../etc", "expected hf:ORG/NAME"},
                new String[] {pickleDir.toString(), "convert it to safetensors"},
                new String[] {emptyDir.toString(), "no model weights found"},
                new String[] {"maven:org.evil:m:1", "unsafe name"});
        for (String[] c : cases) {
            CliRun r = CliRun.of("inspect", c[0]);
            assertEquals(ExitCode.BAD_INPUT, r.exit(), c[0] + " -> " + r.err());
            assertEquals("", r.out(), "nothing on stdout for " + c[0]);
            List<String> lines = r.err().lines().toList();
            assertEquals(1, lines.size(), r.err());
            assertTrue(lines.getFirst().startsWith("pedigree: ") && lines.getFirst().contains(c[1]), lines.getFirst());
        }
        assertFalse(Files.exists(tmp.resolve("cache")), "nothing written to the cache on bad input");
        assertFalse(Files.exists(tmp.resolve("escape.onnx")));
    }

    @Test
    void aMissingArgumentIsAUsageError() {
        assertEquals(ExitCode.BAD_INPUT, CliRun.of("inspect").exit());
    }
}
