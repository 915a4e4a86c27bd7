package dev.pedigree.model.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLocatorTest {
    @TempDir
    Path tmp;

    private ModelLocator locator() {
        return new ModelLocator(new SourceEnvironment(Map.of(), Map.of("pedigree.cache", tmp.resolve("cache").toString()), tmp.resolve("home")),
                new PrintWriter(new StringWriter()));
    }

    private static Path touch(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, p.getFileName().toString());
        return p;
    }

    @Test
    void directoryPrefersTheShardedIndexThenModelSafetensors() throws IOException {
        Path dir = tmp.resolve("m");
        touch(dir.resolve("model-00001-of-00002.safetensors"));
        touch(dir.resolve("model-00002-of-00002.safetensors"));
        touch(dir.resolve("model.safetensors.index.json"));
        touch(dir.resolve("tokenizer.json"));
        touch(dir.resolve("onnx/model.onnx"));
        ModelSource s = locator().resolve(dir.toString());
        assertEquals(SourceKind.DIRECTORY, s.kind());
        assertEquals(ModelFormat.SAFETENSORS, s.format());
        assertEquals(dir.resolve("model.safetensors.index.json"), s.weights());
        assertEquals(dir.resolve("tokenizer.json"), s.tokenizer());
        assertTrue(s.weightsChoice().contains("sharded"));

        Files.delete(dir.resolve("model.safetensors.index.json"));
        touch(dir.resolve("model.safetensors"));
        assertEquals(dir.resolve("model.safetensors"), locator().resolve(dir.toString()).weights());
    }

    @Test
    void severalShardsWithoutIndexAreRefusedNotGuessed() throws IOException {
        Path dir = tmp.resolve("m");
        touch(dir.resolve("a.safetensors"));
        touch(dir.resolve("b.safetensors"));
        BadInputException e = assertThrows(BadInputException.class, () -> locator().resolve(dir.toString()));
        assertTrue(e.getMessage().contains("several .safetensors"), e.getMessage());
    }

    @Test
    void ggufAndOptimumOnnxFolderAreFound() throws IOException {
        Path gguf = tmp.resolve("g");
        touch(gguf.resolve("tiny-Q8_0.gguf"));
        touch(gguf.resolve("README.md"));
        ModelSource g = locator().resolve(gguf.toString());
        assertEquals(ModelFormat.GGUF, g.format());
        assertEquals(gguf.resolve("tiny-Q8_0.gguf"), g.weights());

        Path onnx = tmp.resolve("o");
        touch(onnx.resolve("config.json"));
        touch(onnx.resolve("onnx/model_quantized.onnx"));
        ModelSource o = locator().resolve(onnx.toString());
        assertEquals(ModelFormat.ONNX, o.format());
        assertEquals(onnx.resolve("onnx/model_quantized.onnx"), o.weights());
        assertEquals(onnx.resolve("config.json"), o.configJson());

        touch(onnx.resolve("onnx/model.onnx"));
        assertEquals(onnx.resolve("onnx/model.onnx"), locator().resolve(onnx.toString()).weights());
    }

    @Test
    void singleFilesByExtension() throws IOException {
        ModelSource st = locator().resolve(touch(tmp.resolve("x.safetensors")).toString());
        assertEquals(SourceKind.FILE, st.kind());
        assertEquals(ModelFormat.SAFETENSORS, st.format());
        assertNull(st.configJson(), "a single file does not pick up its folder's config.json");
        assertEquals(List.of("x.safetensors"), st.files().stream().map(ModelSource.ModelFile::relativePath).toList());
        assertEquals(ModelFormat.GGUF, locator().resolve(touch(tmp.resolve("x.gguf")).toString()).format());
        assertEquals(ModelFormat.ONNX, locator().resolve(touch(tmp.resolve("x.onnx")).toString()).format());
        BadInputException e = assertThrows(BadInputException.class, () -> locator().resolve(touch(tmp.resolve("notes.txt")).toString()));
        assertTrue(e.getMessage().startsWith(tmp.resolve("notes.txt").toString()), e.getMessage());
    }

    @Test
    void pickleCheckpointsAreRefusedWithTheSafeAlternative() throws IOException {
        Path dir = tmp.resolve("torch");
        touch(dir.resolve("config.json"));
        touch(dir.resolve("pytorch_model.bin"));
        BadInputException e = assertThrows(BadInputException.class, () -> locator().resolve(dir.toString()));
        assertTrue(e.getMessage().contains("pytorch_model.bin") && e.getMessage().contains("convert it to safetensors"), e.getMessage());
        for (String name : List.of("w.pt", "w.pth", "w.ckpt", "pytorch_model.bin")) {
            Path f = touch(tmp.resolve("files").resolve(name));
            BadInputException fe = assertThrows(BadInputException.class, () -> locator().resolve(f.toString()));
            assertTrue(fe.getMessage().contains("pickle") && fe.getMessage().contains(name), fe.getMessage());
        }
    }

    @Test
    void badArgumentsAreRefusedOnOneLine() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        for (String spec : List.of(tmp.resolve("missing").toString(), "s3:bucket/model", "maven:a:b", "maven:a:b:c:d",
                "maven:a:../../x:1", "hf:a/b/c", "hf:../x", "hf:org/name@..", empty.toString())) {
            BadInputException e = assertThrows(BadInputException.class, () -> locator().resolve(spec), spec);
            assertTrue(e.getMessage().contains(spec) && !e.getMessage().contains("\n"), e.getMessage());
        }
        assertFalse(Files.exists(tmp.resolve("cache")), "nothing is written to the cache on bad input");
    }
}
