package dev.pedigree.blackbox;

import dev.pedigree.blackbox.prompts.PromptSet;
import dev.pedigree.error.BadInputException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content digest of the files a local backend loads: SHA-256 over the files' own SHA-256 digests
 * in the order given. Files are memory-mapped and hashed in slices, so size is no limit.
 */
public final class ModelFilesDigest {
    private static final long SLICE = 32L << 20;

    private ModelFilesDigest() {
    }

    public static String of(Path... files) {
        MessageDigest root = sha256();
        for (Path file : files) {
            root.update(fileDigest(file));
        }
        return HexFormat.of().formatHex(root.digest());
    }

    private static byte[] fileDigest(Path file) {
        MessageDigest digest = sha256();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ); Arena arena = Arena.ofConfined()) {
            long size = channel.size();
            if (size > 0) {
                MemorySegment whole = channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
                byte[] chunk = new byte[(int) Math.min(SLICE, size)];
                for (long at = 0; at < size; at += SLICE) {
                    int n = (int) Math.min(SLICE, size - at);
                    MemorySegment.copy(whole, ValueLayout.JAVA_BYTE, at, chunk, 0, n);
                    digest.update(chunk, 0, n);
                }
            }
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read for the digest: " + e.getMessage(), e);
        }
        return digest.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Lower-case hex SHA-256 of a text's UTF-8 bytes (cache keys). */
    public static String ofText(String text) {
        return PromptSet.sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
