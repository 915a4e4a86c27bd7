package dev.pedigree.model.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Real models packed as resources in test-scope jars, copied once under target/ so they can be mapped. */
public final class JarModels {
    public static final String MINILM = "all-minilm-l6-v2.onnx";
    public static final String MINILM_Q = "all-minilm-l6-v2-q.onnx";
    public static final String BGE_SMALL_ZH = "bge-small-zh.onnx";
    public static final String BGE_SMALL_ZH_Q = "bge-small-zh-q.onnx";

    private JarModels() {
    }

    public static synchronized Path extract(String resource) throws IOException {
        Path dir = Path.of("target", "test-models");
        Files.createDirectories(dir);
        Path target = dir.resolve(resource);
        if (Files.exists(target)) {
            return target;
        }
        try (InputStream in = JarModels.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " is not on the test class path");
            }
            Path tmp = Files.createTempFile(dir, resource, ".part");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        }
        return target;
    }
}
