package dev.pedigree.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The real encoders packed in the langchain4j test jars ({@code <name>.onnx} and
 * {@code <name>-tokenizer.json} at the jar root), copied once under {@code target/encoders/} so they
 * can be memory-mapped. A missing jar fails the test: the jars come through Maven, so CI has them.
 */
public final class EncoderFixtures {
    private static final Path DIR = Path.of("target", "encoders");

    private EncoderFixtures() {
    }

    public static Path onnx(String name) {
        return copy(name + ".onnx");
    }

    public static Path tokenizer(String name) {
        return copy(name + "-tokenizer.json");
    }

    private static synchronized Path copy(String resource) {
        Path out = DIR.resolve(resource);
        if (Files.isRegularFile(out)) {
            return out;
        }
        try (InputStream in = EncoderFixtures.class.getResourceAsStream("/" + resource)) {
            assertNotNull(in, resource + " is not on the test classpath (see the encoder test dependencies in pom.xml)");
            Files.createDirectories(DIR);
            Path tmp = Files.createTempFile(DIR, resource, ".part");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
