package dev.pedigree.model.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.pedigree.model.source.ModelLocator;
import dev.pedigree.model.source.ModelSource;
import dev.pedigree.model.source.SourceEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDigesterTest {
    @TempDir
    Path tmp;
    Path model;

    @BeforeEach
    void tinyModel() throws IOException {
        model = Files.createDirectories(tmp.resolve("model/tok"));
        model = model.getParent();
        Files.writeString(model.resolve("model.safetensors"), "abc");
        Files.writeString(model.resolve("config.json"), "{}");
        Files.writeString(model.resolve("tok/x.json"), "hello");
        Files.writeString(model.resolve("tok-z.json"), "z");
        Files.createDirectories(model.resolve(".git"));
        Files.writeString(model.resolve(".git/HEAD"), "ignored");
    }

    /** The files of a resolved model, as the model opener hands them over. */
    private List<ModelDigester.Entry> source(String spec) {
        ModelSource s = new ModelLocator(new SourceEnvironment(Map.of(), Map.of(), tmp.resolve("home")), new PrintWriter(new StringWriter()))
                .resolve(spec);
        return s.files().stream().map(f -> new ModelDigester.Entry(f.relativePath(), f.path())).toList();
    }

    @Test
    void digestOfDigestsInComponentWisePathOrder() {
        ModelDigest d = new ModelDigester(tmp.resolve("cache")).digest(source(model.toString()));
        // cd model; for f in config.json model.safetensors tok/x.json tok-z.json; do sha256sum "$f"; done
        assertEquals(List.of(
                new ModelDigest.FileDigest("config.json", 2, "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"),
                new ModelDigest.FileDigest("model.safetensors", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                new ModelDigest.FileDigest("tok/x.json", 5, "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"),
                new ModelDigest.FileDigest("tok-z.json", 1, "594e519ae499312b29433b7dd8a97ff068defcba9755b6d5d00e84c524d67b06")),
                d.files());
        // (for f in config.json model.safetensors tok/x.json tok-z.json; do sha256sum "$f" | cut -c1-64 | xxd -r -p; done) | sha256sum
        assertEquals("c55d2129d3b3769ba8b8601a376df4193edc08d6d18499e2449ea35e3a71bbcc", d.sha256());
    }

    @Test
    void aSingleFileModelIsTheDigestOfItsOneDigest() {
        ModelDigest d = new ModelDigester(tmp.resolve("cache")).digest(source(model.resolve("model.safetensors").toString()));
        // sha256sum model.safetensors | cut -c1-64 | xxd -r -p | sha256sum
        assertEquals("4f8b42c22dd3729b519ba6f68d2da7cc5b2d606d05daed5ad5128cc03e6c6358", d.sha256());
    }

    @Test
    void deterministicAndCachedByPathSizeAndTime() throws IOException {
        Path cache = tmp.resolve("cache");
        ModelDigest first = new ModelDigester(cache).digest(source(model.toString()));
        assertEquals(first, new ModelDigester(cache).digest(source(model.toString())));
        assertEquals(first, new ModelDigester(tmp.resolve("other-cache")).digest(source(model.toString())));

        // Poison the cache entry of model.safetensors: a cache hit must return it unchanged...
        Path entry = entryFor(cache, model.resolve("model.safetensors"), first);
        Files.writeString(entry, "0".repeat(64) + "\n");
        assertEquals("0".repeat(64), new ModelDigester(cache).digest(source(model.toString())).files().get(1).sha256());
        // ...and a new modification time makes it stale, so the file is hashed again.
        Files.setLastModifiedTime(model.resolve("model.safetensors"), FileTime.fromMillis(1_000_000L));
        assertEquals(first, new ModelDigester(cache).digest(source(model.toString())));

        Files.writeString(model.resolve("model.safetensors"), "abd");
        assertNotEquals(first.sha256(), new ModelDigester(cache).digest(source(model.toString())).sha256());
    }

    @Test
    void largeFilesAreHashedAcrossMappedSlices() throws IOException {
        // 64 MiB slices: a file of 64 MiB + 3 bytes crosses one slice boundary.
        Path big = tmp.resolve("big.bin");
        byte[] chunk = new byte[1 << 20];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) (i * 31 + 7);
        }
        try (var out = Files.newOutputStream(big)) {
            for (int i = 0; i < 64; i++) {
                out.write(chunk);
            }
            out.write(new byte[] {1, 2, 3});
        }
        java.security.MessageDigest md;
        try {
            md = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        try (var in = Files.newInputStream(big)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        assertEquals(java.util.HexFormat.of().formatHex(md.digest()), FileDigests.hashFile(big));
    }

    private static Path entryFor(Path cache, Path file, ModelDigest d) throws IOException {
        String wanted = d.files().get(1).sha256();
        try (Stream<Path> s = Files.list(cache.resolve("digests"))) {
            for (Path p : s.toList()) {
                if (Files.readString(p).strip().equals(wanted)) {
                    return p;
                }
            }
        }
        throw new AssertionError("no cache entry for " + file);
    }
}
