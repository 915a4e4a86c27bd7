package dev.pedigree.model.gguf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fixtures written by experiments/fixtures/make_gguf_fixtures.py: GGUF files and, beside each,
 * the floats gguf-py's own dequantize produced for every tensor.
 */
public final class GgufFixtures {
    private GgufFixtures() {
    }

    /** One expected tensor: its ggml type, HF-order shape and reference values. */
    public record Expected(String name, String type, long[] shape, float[] values) {
    }

    public static Path path(String file) {
        try {
            return Path.of(GgufFixtures.class.getResource("/gguf/" + file).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Expected values of fixture {@code stem} ("quants", "tiny-llama"), in file order. */
    public static Map<String, Expected> expected(String stem) throws IOException {
        JsonNode index = new ObjectMapper().readTree(path(stem + ".expected.json").toFile());
        ByteBuffer floats = ByteBuffer.wrap(Files.readAllBytes(path(stem + ".expected.f32"))).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, Expected> out = new LinkedHashMap<>();
        for (JsonNode e : index) {
            long[] shape = new long[e.get("shape").size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = e.get("shape").get(i).asLong();
            }
            float[] values = new float[e.get("count").asInt()];
            int offset = e.get("offset").asInt();
            for (int i = 0; i < values.length; i++) {
                values[i] = floats.getFloat(4 * (offset + i));
            }
            out.put(e.get("name").asText(), new Expected(e.get("name").asText(), e.get("type").asText(), shape, values));
        }
        return out;
    }
}
