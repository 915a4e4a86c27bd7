package dev.pedigree.model.digest;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * SHA-256 of single files, read through a memory mapping in 64 MiB slices, and kept in
 * {@code <cache>/digests/}, one small entry per (absolute real path, size, modification time in
 * nanoseconds): a file that changes in size or time is hashed again. Entries are written to a
 * temporary file and moved into place, so a reader never sees half an entry.
 */
public final class FileDigests {
    private static final long SLICE = 64L << 20;
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private final Path folder;

    /** @param cache the pedigree cache folder */
    public FileDigests(Path cache) {
        this.folder = cache.resolve("digests");
    }

    /** The file's hex SHA-256, from the cache when its path, size and time are unchanged. */
    public String sha256(Path file) throws IOException {
        FileKey key = FileKey.of(file);
        String hex = get(key);
        if (hex == null) {
            hex = hashFile(file);
            put(key, hex);
        }
        return hex;
    }

    /** Hex SHA-256 of a file's bytes, read through a memory mapping. */
    static String hashFile(Path file) throws IOException {
        MessageDigest md = newSha256();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ); Arena arena = Arena.ofConfined()) {
            long size = ch.size();
            if (size > 0) {
                MemorySegment all = ch.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
                for (long off = 0; off < size; off += SLICE) {
                    md.update(all.asSlice(off, Math.min(SLICE, size - off)).asByteBuffer());
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** The cached digest, or null. */
    private String get(FileKey key) {
        Path entry = folder.resolve(key.id());
        try {
            String hex = Files.isRegularFile(entry) ? Files.readString(entry).strip() : null;
            return hex != null && HEX64.matcher(hex).matches() ? hex : null;
        } catch (IOException unreadable) {
            return null;
        }
    }

    private void put(FileKey key, String hex) {
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
    private record FileKey(String absolutePath, long size, long modifiedNanos) {
        static FileKey of(Path file) throws IOException {
            Path real = file.toRealPath();
            long nanos = Files.getLastModifiedTime(real).to(java.util.concurrent.TimeUnit.NANOSECONDS);
            return new FileKey(real.toString(), Files.size(real), nanos);
        }

        String id() {
            byte[] h = newSha256().digest((absolutePath + "\0" + size + "\0" + modifiedNanos).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        }
    }
}
