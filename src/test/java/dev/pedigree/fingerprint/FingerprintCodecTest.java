package dev.pedigree.fingerprint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.bench.SyntheticTransformer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintCodecTest {
    private static Fingerprint entry;
    private static Fingerprint other;

    @TempDir
    Path dir;

    @BeforeAll
    static void models() {
        SyntheticTransformer base = SyntheticTransformer.random(600, 32, 4, 64, 2, 7);
        entry = SyntheticModels.fingerprint(base, "base");
        other = SyntheticModels.fingerprint(SyntheticTransformer.random(600, 32, 4, 64, 2, 8), "other");
    }

    @Test
    void roundTripKeepsEveryFieldAndTheHash() throws IOException {
        Path file = dir.resolve("e.json");
        FingerprintCodec.write(entry, file);
        Fingerprint back = FingerprintCodec.read(file);
        assertEquals(64, back.entryHash().length());
        assertEquals(entry.model(), back.model());
        assertEquals(entry.mfi().get("arch_hash"), back.mfi().get("arch_hash"));
        assertArrayEquals(entry.weights().sketch(), back.weights().sketch());
        assertArrayEquals(entry.weights().anchors().values(), back.weights().anchors().values());
        assertEquals(entry.weights().anchors().tokens(), back.weights().anchors().tokens());
        assertArrayEquals(entry.weights().mpk().nlfVector(), back.weights().mpk().nlfVector());
        // Re-encoding what was read gives the same bytes: the form is canonical.
        assertArrayEquals(Files.readAllBytes(file), FingerprintCodec.encode(back));
    }

    @Test
    void editedByteIsRefusedByTheHash() throws IOException {
        Path file = dir.resolve("e.json");
        FingerprintCodec.write(entry, file);
        String text = Files.readString(file);
        // Change one digit of the sketch, keeping the JSON valid.
        int at = text.indexOf("\"sketch\":[") + "\"sketch\":[".length();
        while (!Character.isDigit(text.charAt(at))) {
            at++;
        }
        char c = text.charAt(at);
        String edited = text.substring(0, at) + (c == '9' ? '8' : (char) (c + 1)) + text.substring(at + 1);
        Files.writeString(file, edited);
        CorruptEntryException e = assertThrows(CorruptEntryException.class, () -> FingerprintCodec.read(file));
        assertTrue(e.getMessage().contains("content hash mismatch"), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    /** The hash is over the canonical form, not the bytes: re-indenting an entry keeps it valid. */
    @Test
    void reformattedButUnchangedEntryStillReads() throws IOException {
        Path file = dir.resolve("e.json");
        FingerprintCodec.write(entry, file);
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        Files.writeString(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mapper.readTree(file.toFile())));
        assertEquals(entry.model(), FingerprintCodec.read(file).model());
    }

    @Test
    void truncatedFileIsRefused() throws IOException {
        Path file = dir.resolve("e.json");
        FingerprintCodec.write(entry, file);
        byte[] b = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(b, b.length / 2));
        CorruptEntryException e = assertThrows(CorruptEntryException.class, () -> FingerprintCodec.read(file));
        assertTrue(e.getMessage().contains("not valid JSON (truncated or edited?)"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void newerSchemaIsRefusedNamingBothVersions() throws IOException {
        Path file = dir.resolve("e.json");
        FingerprintCodec.write(entry, file);
        Files.writeString(file, Files.readString(file).replace("\"schema_version\":1,", "\"schema_version\":2,"));
        CorruptEntryException e = assertThrows(CorruptEntryException.class, () -> FingerprintCodec.read(file));
        assertTrue(e.getMessage().contains("written with fingerprint schema 2"), e.getMessage());
        assertTrue(e.getMessage().contains("reads schemas up to 1"), e.getMessage());
    }

    @Test
    void missingHashIsRefused() throws IOException {
        Path file = dir.resolve("e.json");
        FingerprintCodec.write(entry, file);
        String text = Files.readString(file).replaceAll("\"entry_hash\":\"[0-9a-f]{64}\",?", "");
        Files.writeString(file, text);
        CorruptEntryException e = assertThrows(CorruptEntryException.class, () -> FingerprintCodec.read(file));
        assertTrue(e.getMessage().contains("no entry_hash"), e.getMessage());
    }

    /**
     * A reader polling the file while a writer replaces it 60 times with two different entries
     * only ever sees one of them whole: the write goes through a temporary file and one atomic move.
     */
    @Test
    void writeIsAtomicForAConcurrentReader() throws Exception {
        Path file = dir.resolve("e.json");
        FingerprintCodec.write(entry, file);
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                try {
                    String name = FingerprintCodec.read(file).model().name();
                    if (!name.equals("base") && !name.equals("other")) {
                        failure.set(new AssertionError("read " + name));
                    }
                    reads.incrementAndGet();
                } catch (Throwable t) {
                    failure.set(t);
                    return;
                }
            }
        });
        reader.start();
        for (int i = 0; i < 60; i++) {
            FingerprintCodec.write(i % 2 == 0 ? other : entry, file);
        }
        done.set(true);
        reader.join();
        if (failure.get() != null) {
            throw new AssertionError("a reader saw a partial entry", failure.get());
        }
        assertTrue(reads.get() > 0);
        try (var s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList(), "no temporary files left behind");
        }
    }

    @Test
    void savedFormOfSchemaOneStillReads() throws Exception {
        // Written by this version's codec (see the resource's README); kept so later schemas prove they read it.
        Path fixture = Path.of(getClass().getResource("/fingerprint/schema-1/synthetic-base.json").toURI());
        Fingerprint f = FingerprintCodec.read(fixture);
        assertEquals(1, f.schemaVersion());
        assertEquals("base", f.model().name());
        assertEquals(WeightSketch.LENGTH, f.weights().sketch().length);
        Path mpk = Path.of(getClass().getResource("/fingerprint/schema-1/mpk-yi-1.5-6b.json").toURI());
        Fingerprint m = FingerprintCodec.read(mpk);
        assertEquals(ModelIdentity.METADATA_ONLY, m.model().kind());
        assertEquals("4b414de3062423b5f3b534e10f21eafe18c08a72a5f6c361f6f724d846180b50", m.mfi().get("arch_hash"));
    }
}
