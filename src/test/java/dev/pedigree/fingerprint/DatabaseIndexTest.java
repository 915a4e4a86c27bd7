package dev.pedigree.fingerprint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.bench.SyntheticTransformer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binary index beside the entries: used when it matches them, rebuilt when stale or corrupt, never changing a result. */
class DatabaseIndexTest {
    @TempDir
    Path db;

    private List<Path> entries(int n, int seed) {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            files.add(FingerprintDatabase.put(db, SyntheticModels.fingerprint(SyntheticTransformer.random(600, 32, 2, 64, 2, seed + i), "m" + i)));
        }
        return files;
    }

    @Test
    void aSecondLoadComesFromTheIndexWithTheSameEntries() throws IOException {
        entries(4, 10);
        FingerprintDatabase first = FingerprintDatabase.load(db);
        assertEquals(0, first.fromIndex());
        assertTrue(Files.isRegularFile(db.resolve(DatabaseIndex.FILE)));
        // Status-change times are the kernel's, not settable: wait until the entries are settled by those too.
        FingerprintDatabase second = loadSettled();
        assertEquals(4, second.fromIndex());
        assertTrue(second.warnings().isEmpty(), second.warnings().toString());
        assertSameEntries(first.entries(), second.entries());
    }

    @Test
    void scanResultsAreIdenticalWithAndWithoutTheIndex() throws IOException {
        SyntheticTransformer base = SyntheticTransformer.random(600, 32, 2, 64, 2, 40);
        List<Path> files = entries(5, 41);
        files.add(FingerprintDatabase.put(db, SyntheticModels.fingerprint(base, "base")));
        Fingerprint query = SyntheticModels.fingerprint(base.noisy(0.3, 7), "query");
        FingerprintScan scan = new FingerprintScan(EntryComparison.withDefaults());
        FingerprintDatabase unindexed = FingerprintDatabase.load(db);
        assertEquals(0, unindexed.fromIndex());
        ScanResult without = scan.scan(query, unindexed, 5, new LinkedHashMap<>());
        FingerprintDatabase indexed = loadSettled();
        assertEquals(6, indexed.fromIndex());
        ScanResult with = scan.scan(query, indexed, 5, new LinkedHashMap<>());
        assertEquals("base", with.matches().get(0).model().name());
        assertEquals(without.entries(), with.entries());
        assertEquals(without.shortlisted(), with.shortlisted());
        assertEquals(without.matches(), with.matches());
        assertEquals(without.nearest(), with.nearest());
    }

    @Test
    void newReplacedAndRemovedEntriesAreNoticedAndTheIndexRewritten() throws IOException {
        List<Path> files = entries(3, 20);
        FingerprintDatabase.load(db);
        loadSettled();
        Files.delete(files.get(0));
        Fingerprint m1 = FingerprintCodec.read(files.get(1));
        FingerprintDatabase.put(db, new Fingerprint(m1.schemaVersion(), m1.toolVersion(), m1.createdAt(), m1.environment(),
                new ModelIdentity(m1.model().key(), m1.model().digest(), "m1-renamed", m1.model().source(), m1.model().family(),
                        m1.model().format(), m1.model().kind(), m1.model().origin()), m1.mfi(), m1.tokenizer(), m1.weights(), null));
        FingerprintDatabase.put(db, SyntheticModels.fingerprint(SyntheticTransformer.random(600, 32, 2, 64, 2, 29), "added"));
        FingerprintDatabase loaded = FingerprintDatabase.load(db);
        assertEquals(List.of("added", "m1-renamed", "m2"), loaded.entries().stream().map(e -> e.model().name()).sorted().toList());
        assertEquals(1, loaded.fromIndex(), "only the untouched entry comes from the index");
        assertTrue(loaded.warnings().isEmpty(), loaded.warnings().toString());
    }

    /** An entry edited in place right after it was indexed (same size, times within one tick) is still checked. */
    @Test
    void anEntryEditedJustAfterIndexingIsCheckedAndRefused() throws IOException {
        List<Path> files = entries(2, 30);
        FingerprintDatabase.load(db);
        String text = Files.readString(files.get(0));
        Files.writeString(files.get(0), text.replace("\"name\":\"m0\"", "\"name\":\"mY\""));
        FingerprintDatabase loaded = FingerprintDatabase.load(db);
        assertEquals(List.of("m1"), loaded.entries().stream().map(e -> e.model().name()).toList());
        assertTrue(loaded.warnings().get(0).contains(files.get(0).getFileName() + ": content hash mismatch"), loaded.warnings().toString());
    }

    /** Putting the modification time back after an edit does not hide it: the status-change time moved. */
    @Test
    void anEditWithItsModificationTimeRestoredIsStillNoticed() throws IOException {
        List<Path> files = entries(2, 50);
        FingerprintDatabase.load(db);
        assertEquals(2, loadSettled().fromIndex());
        FileTime old = Files.getLastModifiedTime(files.get(1));
        Files.writeString(files.get(1), Files.readString(files.get(1)).replace("\"name\":\"m1\"", "\"name\":\"mZ\""));
        Files.setLastModifiedTime(files.get(1), old);
        FingerprintDatabase loaded = FingerprintDatabase.load(db);
        assertEquals(List.of("m0"), loaded.entries().stream().map(e -> e.model().name()).toList());
        assertTrue(loaded.warnings().get(0).contains(": content hash mismatch"), loaded.warnings().toString());
    }

    @Test
    void aCorruptIndexIsRebuiltWithOneLine() throws IOException {
        entries(3, 60);
        FingerprintDatabase.load(db);
        loadSettled();
        Path index = db.resolve(DatabaseIndex.FILE);
        byte[] b = Files.readAllBytes(index);
        b[b.length / 2] ^= 0x55;
        Files.write(index, b);
        FingerprintDatabase loaded = FingerprintDatabase.load(db);
        assertEquals(3, loaded.entries().size());
        assertEquals(0, loaded.fromIndex());
        assertEquals(1, loaded.warnings().size());
        String w = loaded.warnings().get(0);
        assertTrue(w.contains(DatabaseIndex.FILE + ": index checksum mismatch") && w.endsWith("; rebuilt from the entries"), w);
        assertFalse(w.contains("\n"), w);
        FingerprintDatabase again = FingerprintDatabase.load(db);
        assertTrue(again.warnings().isEmpty(), again.warnings().toString());
        assertEquals(3, again.fromIndex());
    }

    @Test
    void truncatedAndForeignIndexesAreRebuilt() throws IOException {
        entries(2, 70);
        FingerprintDatabase.load(db);
        Path index = db.resolve(DatabaseIndex.FILE);
        byte[] b = Files.readAllBytes(index);
        Files.write(index, java.util.Arrays.copyOf(b, 30));
        FingerprintDatabase truncated = FingerprintDatabase.load(db);
        assertEquals(2, truncated.entries().size());
        assertTrue(truncated.warnings().get(0).contains("index checksum mismatch"), truncated.warnings().toString());
        Files.writeString(index, "{\"not\": \"an index\", \"but\": \"a JSON object of some length\"}");
        FingerprintDatabase foreign = FingerprintDatabase.load(db);
        assertEquals(2, foreign.entries().size());
        assertTrue(foreign.warnings().get(0).contains("not a pedigree fingerprint index"), foreign.warnings().toString());
        Files.write(index, new byte[5]);
        assertTrue(FingerprintDatabase.load(db).warnings().get(0).contains("shorter than its header"));
    }

    /** An index written by another pedigree version (another index format) is not an error: it is rebuilt for this one. */
    @Test
    void anIndexOfAnotherFormatIsRebuiltWithoutAWarning() throws IOException {
        entries(2, 90);
        FingerprintDatabase.load(db);
        assertEquals(2, loadSettled().fromIndex());
        Path index = db.resolve(DatabaseIndex.FILE);
        byte[] b = Files.readAllBytes(index);
        java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(8, DatabaseIndex.FORMAT + 1);
        Files.write(index, b);
        FingerprintDatabase loaded = FingerprintDatabase.load(db);
        assertEquals(0, loaded.fromIndex());
        assertTrue(loaded.warnings().isEmpty(), loaded.warnings().toString());
        assertEquals(DatabaseIndex.FORMAT, java.nio.ByteBuffer.wrap(Files.readAllBytes(index)).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(8));
        assertEquals(2, FingerprintDatabase.load(db).fromIndex());
    }

    /** An entry replaced after the database was loaded is refused when the short list reads it, not silently mixed in. */
    @Test
    void anEntryReplacedAfterLoadingIsRefusedWhenRead() {
        Fingerprint f = SyntheticModels.fingerprint(SyntheticTransformer.random(600, 32, 2, 64, 2, 80), "before");
        FingerprintDatabase.put(db, f);
        FingerprintDatabase loaded = FingerprintDatabase.load(db);
        FingerprintDatabase.put(db, new Fingerprint(f.schemaVersion(), "another-version", f.createdAt(), f.environment(), f.model(), f.mfi(),
                f.tokenizer(), f.weights(), null));
        CorruptEntryException e = org.junit.jupiter.api.Assertions.assertThrows(CorruptEntryException.class,
                () -> loaded.read(loaded.entries().get(0)));
        assertTrue(e.getMessage().contains("changed since the database was loaded"), e.getMessage());
    }

    /** Loads until every entry is past the settling time by its status-change time too (at most a few seconds). */
    private FingerprintDatabase loadSettled() throws IOException {
        long newest = 0;
        try (Stream<Path> s = Files.list(db.resolve(FingerprintDatabase.ENTRIES))) {
            for (Path p : s.toList()) {
                newest = Math.max(newest, ((FileTime) Files.getAttribute(p, "unix:ctime")).toMillis());
            }
        }
        long wait = newest + java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(EntryStat.SETTLE_NS) + 50 - System.currentTimeMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        FingerprintDatabase.load(db);
        return FingerprintDatabase.load(db);
    }

    private static void assertSameEntries(List<IndexEntry> a, List<IndexEntry> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            IndexEntry x = a.get(i);
            IndexEntry y = b.get(i);
            assertEquals(x.file(), y.file());
            assertEquals(x.entryHash(), y.entryHash());
            assertEquals(x.model(), y.model());
            assertEquals(List.of(String.valueOf(x.archHash()), String.valueOf(x.familyHash()), String.valueOf(x.tokenizerHash()),
                    String.valueOf(x.vocabDigest())), List.of(String.valueOf(y.archHash()), String.valueOf(y.familyHash()),
                    String.valueOf(y.tokenizerHash()), String.valueOf(y.vocabDigest())));
            assertArrayEquals(x.sketch(), y.sketch());
        }
    }
}
