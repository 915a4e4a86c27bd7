package dev.pedigree.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.bench.SyntheticTransformer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintDatabaseTest {
    @TempDir
    Path db;

    @Test
    void corruptEntriesAreRefusedOneLineEachAndTheRestStaysUsable() throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            files.add(FingerprintDatabase.put(db, SyntheticModels.fingerprint(SyntheticTransformer.random(500, 16, 2, 32, 2, i), "m" + i)));
        }
        // Edited bytes (valid JSON, wrong hash), truncated file, newer schema.
        Files.writeString(files.get(0), Files.readString(files.get(0)).replace("\"name\":\"m0\"", "\"name\":\"mX\""));
        byte[] b = Files.readAllBytes(files.get(1));
        Files.write(files.get(1), java.util.Arrays.copyOf(b, 100));
        Files.writeString(files.get(2), Files.readString(files.get(2)).replace("\"schema_version\":1,", "\"schema_version\":7,"));

        FingerprintDatabase loaded = FingerprintDatabase.load(db);
        assertEquals(Set.of("m3", "m4"), loaded.entries().stream().map(e -> e.model().name()).collect(Collectors.toSet()));
        assertEquals(3, loaded.warnings().size());
        String all = String.join("\n", loaded.warnings());
        assertTrue(all.contains(files.get(0).getFileName() + ": content hash mismatch"), all);
        assertTrue(all.contains(files.get(1).getFileName() + ": not valid JSON (truncated or edited?)"), all);
        assertTrue(all.contains(files.get(2).getFileName() + ": written with fingerprint schema 7"), all);
        loaded.warnings().forEach(w -> assertTrue(!w.contains("\n"), w));
        // The good ones read back in full.
        for (IndexEntry e : loaded.entries()) {
            assertEquals(e.model(), loaded.read(e).model());
        }
    }

    @Test
    void addingTheSameModelAgainReplacesItsEntry() throws IOException {
        Fingerprint f = SyntheticModels.fingerprint(SyntheticTransformer.random(500, 16, 2, 32, 2, 1), "first-name");
        FingerprintDatabase.put(db, f);
        Fingerprint renamed = new Fingerprint(f.schemaVersion(), f.toolVersion(), f.createdAt(), f.environment(),
                new ModelIdentity(f.model().key(), f.model().digest(), "second-name", f.model().source(), "fam", f.model().format(),
                        f.model().kind(), f.model().origin()), f.mfi(), f.tokenizer(), f.weights(), null);
        Path file = FingerprintDatabase.put(db, renamed);
        try (var s = Files.list(db.resolve(FingerprintDatabase.ENTRIES))) {
            assertEquals(List.of(file), s.toList());
        }
        FingerprintDatabase loaded = FingerprintDatabase.load(db);
        assertEquals(1, loaded.entries().size());
        assertEquals("second-name", loaded.entries().get(0).model().name());
    }

    /** The index is read in one streaming pass; a re-indented entry takes the full canonical check and still loads. */
    @Test
    void indexMatchesTheFullEntryAndReindentedEntriesLoad() throws IOException {
        Fingerprint f = SyntheticModels.fingerprint(SyntheticTransformer.random(500, 16, 2, 32, 2, 3), "indexed");
        Path file = FingerprintDatabase.put(db, f);
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        Files.writeString(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mapper.readTree(file.toFile())));
        FingerprintDatabase loaded = FingerprintDatabase.load(db);
        assertTrue(loaded.warnings().isEmpty(), loaded.warnings().toString());
        IndexEntry e = loaded.entries().get(0);
        assertEquals(f.model(), e.model());
        assertEquals(f.mfi().get("arch_hash"), e.archHash());
        assertEquals(f.mfi().get("family_hash"), e.familyHash());
        assertEquals(f.tokenizer().tokenizerHash(), e.tokenizerHash());
        assertEquals(f.tokenizer().vocabDigest(), e.vocabDigest());
        org.junit.jupiter.api.Assertions.assertArrayEquals(f.weights().sketch(), e.sketch());
    }

    @Test
    void absentDirectoryIsAnEmptyDatabase() {
        FingerprintDatabase loaded = FingerprintDatabase.load(db.resolve("nothing-here"));
        assertTrue(loaded.entries().isEmpty());
        assertTrue(loaded.warnings().isEmpty());
    }
}
