package dev.pedigree.fingerprint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A directory of fingerprint entries, one JSON file each under {@code entries/}, and their index
 * ({@link DatabaseIndex}, {@code index.bin}). Loading checks every entry that is new or changed since it
 * was indexed; the ones that fail are left out and reported as warnings (one line each), the rest stay usable.
 * Entries are keyed by {@link ModelIdentity#key()}: the file name starts with a hash of the key, so
 * adding a model again replaces its entry.
 */
public final class FingerprintDatabase {
    static final String ENTRIES = "entries";
    private final Path root;
    private final List<IndexEntry> entries;
    private final List<String> warnings;
    private final SketchMatrix sketches;
    private final int fromIndex;

    private FingerprintDatabase(Path root, List<IndexEntry> entries, List<String> warnings, int fromIndex) {
        this.root = root;
        this.entries = entries;
        this.warnings = warnings;
        this.sketches = SketchMatrix.of(entries);
        this.fromIndex = fromIndex;
    }

    /**
     * Loads the database at {@code root} (an absent directory is an empty database). Entries whose file
     * facts match {@link DatabaseIndex}'s row come from the index; the others are read and checked in
     * full (on every core), and the index is rewritten when anything changed. A read-only database
     * loads the same way, only without saving the index.
     */
    public static FingerprintDatabase load(Path root) {
        Path dir = root.resolve(ENTRIES);
        if (!Files.isDirectory(dir)) {
            return new FingerprintDatabase(root, List.of(), List.of(), 0);
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
            ds.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        files.sort(Comparator.naturalOrder());
        long now = ChronoUnit.NANOS.between(Instant.EPOCH, Instant.now());
        DatabaseIndex.Contents index = DatabaseIndex.read(root, dir);
        List<String> warnings = new ArrayList<>();
        if (index.problem() != null) {
            warnings.add(root.resolve(DatabaseIndex.FILE) + ": " + index.problem() + "; rebuilt from the entries");
        }
        Loaded[] loaded = files.parallelStream().map(f -> load(f, index, now)).toArray(Loaded[]::new);
        List<IndexEntry> ok = new ArrayList<>();
        List<DatabaseIndex.Row> rows = new ArrayList<>();
        int fromIndex = 0;
        boolean fresh = false;
        for (Loaded l : loaded) {
            if (l.warning() != null) {
                warnings.add(l.warning());
                continue;
            }
            ok.add(l.row().entry());
            rows.add(l.row());
            fromIndex += l.fromIndex() ? 1 : 0;
            fresh |= !l.fromIndex();
        }
        if (fresh || fromIndex != index.rows().size()) {
            try {
                DatabaseIndex.write(root, rows);
            } catch (IOException | UncheckedIOException e) {
                // A database on read-only storage: every load reads the entries, as without an index.
            }
        }
        return new FingerprintDatabase(root, Collections.unmodifiableList(ok), Collections.unmodifiableList(warnings), fromIndex);
    }

    /** One entry file as loaded: its index row (from the index or just read), or why it was refused. */
    private record Loaded(DatabaseIndex.Row row, boolean fromIndex, String warning) {
    }

    private static Loaded load(Path file, DatabaseIndex.Contents index, long now) {
        try {
            // The file facts are taken before the bytes are read, so a change after the read shows next time.
            EntryStat stat = EntryStat.of(file);
            DatabaseIndex.Row row = index.rows().get(stat.name());
            if (row != null && row.settled() && row.stat().equals(stat)) {
                return new Loaded(row, true, null);
            }
            return new Loaded(new DatabaseIndex.Row(stat, stat.settledAt(now), FingerprintCodec.readIndex(file)), false, null);
        } catch (CorruptEntryException e) {
            return new Loaded(null, false, "skipped entry " + e.getMessage());
        } catch (IOException e) {
            return new Loaded(null, false, "skipped entry " + file + ": cannot read: " + e.getMessage());
        }
    }

    public Path root() {
        return root;
    }

    public List<IndexEntry> entries() {
        return entries;
    }

    /** How many of the entries came from the index rather than from reading their files. */
    public int fromIndex() {
        return fromIndex;
    }

    /** One line per entry that was refused, and one if the index had to be rebuilt. */
    public List<String> warnings() {
        return warnings;
    }

    /** The entries' sketches, packed for the first scan pass. */
    SketchMatrix sketches() {
        return sketches;
    }

    /**
     * The full entry behind an index entry, read and checked again, and refused if it is no longer the
     * entry that was indexed (replaced since the database was loaded).
     */
    public Fingerprint read(IndexEntry e) {
        Fingerprint f = FingerprintCodec.read(e.file());
        if (e.entryHash() != null && !e.entryHash().equals(f.entryHash())) {
            throw new CorruptEntryException(e.file(), "changed since the database was loaded (its entry_hash is not the one indexed); "
                    + "load the database again");
        }
        return f;
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
