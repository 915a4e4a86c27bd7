package dev.pedigree.model.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.error.BadInputException;
import dev.pedigree.model.ModelFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hub cache laid out as huggingface_hub writes it: refs, snapshots of links, blobs. */
class HfCacheLocationTest {
    private static final String MAIN = "0123456789abcdef0123456789abcdef01234567";
    private static final String OLD = "fedcba9876543210fedcba9876543210fedcba98";

    @TempDir
    Path tmp;
    Path hub;
    Path folder;

    @BeforeEach
    void layOutCache() throws IOException {
        hub = tmp.resolve("hf/hub");
        folder = hub.resolve("models--acme--tiny");
        Files.createDirectories(folder.resolve("blobs"));
        Files.writeString(folder.resolve("blobs/aaa"), "weights");
        Files.writeString(folder.resolve("blobs/bbb"), "{}");
        Files.writeString(folder.resolve("blobs/ccc"), "tok");
        for (String commit : List.of(MAIN, OLD)) {
            Path snap = Files.createDirectories(folder.resolve("snapshots").resolve(commit));
            Files.createSymbolicLink(snap.resolve("model.safetensors"), Path.of("../../blobs/aaa"));
            Files.createSymbolicLink(snap.resolve("config.json"), Path.of("../../blobs/bbb"));
        }
        Files.createSymbolicLink(folder.resolve("snapshots").resolve(MAIN).resolve("tokenizer.json"), Path.of("../../blobs/ccc"));
        Files.createDirectories(folder.resolve("refs/pr"));
        Files.writeString(folder.resolve("refs/main"), MAIN + "\n");
        Files.writeString(folder.resolve("refs/pr/1"), OLD);
    }

    private ModelLocator locator(Map<String, String> env) {
        return new ModelLocator(new SourceEnvironment(env, Map.of(), tmp.resolve("home")), new PrintWriter(new StringWriter()));
    }

    @Test
    void refsMainLeadsToItsSnapshotThroughBlobLinks() {
        ModelSource s = locator(Map.of("HF_HUB_CACHE", hub.toString())).resolve("hf:acme/tiny");
        assertEquals(SourceKind.HF_CACHE, s.kind());
        assertEquals(ModelFormat.SAFETENSORS, s.format());
        assertEquals(folder.resolve("snapshots").resolve(MAIN).resolve("model.safetensors"), s.weights());
        assertEquals(List.of("config.json", "model.safetensors", "tokenizer.json"),
                s.files().stream().map(ModelSource.ModelFile::relativePath).toList());
    }

    @Test
    void hfHomeAndRevisionsByRefOrCommit() {
        ModelLocator viaHome = locator(Map.of("HF_HOME", tmp.resolve("hf").toString()));
        assertEquals(folder.resolve("snapshots").resolve(OLD), viaHome.resolve("hf:acme/tiny@pr/1").directory());
        assertEquals(folder.resolve("snapshots").resolve(OLD), viaHome.resolve("hf:acme/tiny@" + OLD).directory());
        BadInputException e = assertThrows(BadInputException.class, () -> viaHome.resolve("hf:acme/tiny@v2"));
        assertTrue(e.getMessage().contains("no ref v2"), e.getMessage());
        assertThrows(BadInputException.class, () -> viaHome.resolve("hf:acme/other"));
    }

    @Test
    void defaultCacheIsUnderHome() throws IOException {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve(".cache/huggingface"));
        Files.createSymbolicLink(home.resolve(".cache/huggingface/hub"), hub);
        assertEquals(MAIN, locator(Map.of()).resolve("hf:acme/tiny").directory().getFileName().toString());
    }

    @Test
    void aLinkLeavingTheModelFolderIsRefused() throws IOException {
        Path outside = Files.writeString(tmp.resolve("secret.safetensors"), "not yours");
        Path snap = folder.resolve("snapshots").resolve(MAIN);
        Files.delete(snap.resolve("model.safetensors"));
        Files.createSymbolicLink(snap.resolve("model.safetensors"), outside);
        BadInputException e = assertThrows(BadInputException.class,
                () -> locator(Map.of("HF_HUB_CACHE", hub.toString())).resolve("hf:acme/tiny"));
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
    }

    @Test
    void aLinkLeavingTheModelFolderIsRefusedWhenListingFiles() throws IOException {
        Path outside = Files.writeString(tmp.resolve("elsewhere.txt"), "x");
        Files.createSymbolicLink(folder.resolve("snapshots").resolve(MAIN).resolve("notes.txt"), outside);
        ModelSource s = locator(Map.of("HF_HUB_CACHE", hub.toString())).resolve("hf:acme/tiny");
        BadInputException e = assertThrows(BadInputException.class, s::files);
        assertTrue(e.getMessage().contains("notes.txt") && e.getMessage().contains("outside"), e.getMessage());
    }

    @Test
    void aRefThatIsNotACommitIsRefused() throws IOException {
        Files.writeString(folder.resolve("refs/main"), "../../../etc");
        BadInputException e = assertThrows(BadInputException.class,
                () -> locator(Map.of("HF_HUB_CACHE", hub.toString())).resolve("hf:acme/tiny"));
        assertTrue(e.getMessage().contains("40-hex"), e.getMessage());
    }
}
