package dev.pedigree.model.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The small ONNX files of src/test/resources/onnx and their expected values (experiments/fixtures/make_onnx_fixtures.py). */
public final class OnnxFixtures {
    private OnnxFixtures() {
    }

    public static Path file(String name) {
        try {
            return Path.of(OnnxFixtures.class.getResource("/onnx/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + name, e);
        }
    }

    public static JsonNode expected(String fixture) throws IOException {
        try (InputStream in = OnnxFixtures.class.getResourceAsStream("/onnx/" + fixture + ".expected.json")) {
            return new ObjectMapper().readTree(in);
        }
    }
}
