package dev.pedigree.model.source;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds small jars for the source tests. */
final class TestJars {
    private TestJars() {
    }

    /** A jar with these entries (name to UTF-8 content), stored uncompressed and in the given order. */
    static Path write(Path jar, Map<String, String> entries) throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream os = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                byte[] data = e.getValue().getBytes(StandardCharsets.UTF_8);
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(data.length);
                CRC32 crc = new CRC32();
                crc.update(data);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(data);
                zip.closeEntry();
            }
        }
        return jar;
    }

    /** Flips one byte of the first occurrence of {@code marker} in the file (damages a stored entry). */
    static void damage(Path file, String marker) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] m = marker.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + m.length <= bytes.length; i++) {
            for (int k = 0; k < m.length; k++) {
                if (bytes[i + k] != m[k]) {
                    continue outer;
                }
            }
            bytes[i] ^= 0x20;
            Files.write(file, bytes);
            return;
        }
        throw new IllegalArgumentException("marker not found in " + file);
    }
}
