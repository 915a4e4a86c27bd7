package dev.pedigree.model.digest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Per-file SHA-256 digests kept in {@code <cache>/digests/}, one small file per (absolute path, size,
 * modification time in nanoseconds): a file that changes in size or time is hashed again. Entries are
 * written to a temporary file and moved into place, so a reader never sees half an entry.
 */
final class FileDigestCache {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private final Path folder;

    FileDigestCache(Path cache) {
        this.folder = cache.resolve("digests");
    }

    /** The cached digest, or null. */
    String get(FileKey key) {
        Path entry = folder.resolve(key.id());
        try {
            String hex = Files.isRegularFile(entry) ? Files.readString(entry).strip() : null;
            return hex != null && HEX64.matcher(hex).matches() ? hex : null;
        } catch (IOException unreadable) {
            return null;
        }
    }

    void put(FileKey key, String hex) {
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, key.id(), ".partial");
            Files.writeString(temp, hex + "\n");
            Files.move(temp, folder.resolve(key.id()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // A read-only or full cache only costs hashing again next time.
        }
    }

    /** What a cached digest is valid for. */
    record FileKey(String absolutePath, long size, long modifiedNanos) {
        static FileKey of(Path file) throws IOException {
            Path real = file.toRealPath();
            long nanos = Files.getLastModifiedTime(real).to(java.util.concurrent.TimeUnit.NANOSECONDS);
            return new FileKey(real.toString(), Files.size(real), nanos);
        }

        String id() {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                byte[] h = md.digest((absolutePath + "\0" + size + "\0" + modifiedNanos).getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(h);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required of every JVM", e);
            }
        }
    }
}
