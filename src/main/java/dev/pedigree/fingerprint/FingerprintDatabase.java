package dev.pedigree.fingerprint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A directory of fingerprint entries, one JSON file each under {@code entries/}. Loading checks every
 * entry; the ones that fail are left out and reported as warnings (one line each), the rest stay usable.
 * Entries are keyed by {@link ModelIdentity#key()}: the file name starts with a hash of the key, so
 * adding a model again replaces its entry.
 */
public final class FingerprintDatabase {
    static final String ENTRIES = "entries";
    private final Path root;
    private final List<IndexEntry> entries;
    private final List<String> warnings;

    private FingerprintDatabase(Path root, List<IndexEntry> entries, List<String> warnings) {
        this.root = root;
        this.entries = entries;
        this.warnings = warnings;
    }

    /** Loads the database at {@code root} (an absent directory is an empty database). Uses every core. */
    public static FingerprintDatabase load(Path root) {
        Path dir = root.resolve(ENTRIES);
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
                ds.forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
            }
        }
        files.sort(Comparator.naturalOrder());
        Object[] loaded = files.parallelStream().map(f -> {
            try {
                return (Object) FingerprintCodec.readIndex(f);
            } catch (CorruptEntryException e) {
                return "skipped entry " + e.getMessage();
            }
        }).toArray();
        List<IndexEntry> ok = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Object o : loaded) {
            if (o instanceof IndexEntry e) {
                ok.add(e);
            } else {
                warnings.add((String) o);
            }
        }
        return new FingerprintDatabase(root, Collections.unmodifiableList(ok), Collections.unmodifiableList(warnings));
    }

    public Path root() {
        return root;
    }

    public List<IndexEntry> entries() {
        return entries;
    }

    /** One line per entry that was refused. */
    public List<String> warnings() {
        return warnings;
    }

    /** The full entry behind an index entry, read and checked again. */
    public Fingerprint read(IndexEntry e) {
        return FingerprintCodec.read(e.file());
    }

    /**
     * Adds {@code f} (with its hash computed) or replaces the entry with the same key; returns its file.
     * Other files of the same key (an earlier name) are removed after the new one is in place.
     */
    public static Path put(Path root, Fingerprint f) {
        Path dir = root.resolve(ENTRIES);
        String prefix = Sha256.hex(f.model().key()).substring(0, 16);
        Path file = dir.resolve(prefix + "-" + slug(f.model().name()) + ".json");
        FingerprintCodec.write(f, file);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, prefix + "-*.json")) {
            for (Path other : ds) {
                if (!other.getFileName().equals(file.getFileName())) {
                    Files.deleteIfExists(other);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy " + dir + ": " + e.getMessage(), e);
        }
        return file;
    }

    static String slug(String name) {
        String s = Objects.requireNonNullElse(name, "model").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^-+|-+$", "");
        s = s.isEmpty() ? "model" : s;
        return s.length() > 80 ? s.substring(0, 80) : s;
    }
}
