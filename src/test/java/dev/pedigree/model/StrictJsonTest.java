package dev.pedigree.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrictJsonTest {
    private static final Path FILE = Path.of("model.json");

    private static String refusal(String json) {
        return refusal(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String refusal(byte[] json) {
        return assertThrows(ModelFormatException.class, () -> StrictJson.parseObject(FILE, json, "thing")).getMessage();
    }

    @Test
    void acceptsAnObject() {
        assertEquals(2, StrictJson.parseObject(FILE, "{\"a\": 1, \"b\": [\"é\"]}".getBytes(StandardCharsets.UTF_8), "thing").size());
    }

    @Test
    void refusesWhatALenientParserWouldTake() {
        assertTrue(refusal("{\"a\": 1, \"a\": 2}").startsWith("model.json: thing is not well-formed JSON: Duplicate field 'a'"));
        assertTrue(refusal("{} []").contains("thing is not well-formed JSON: Trailing token"));
        assertEquals("model.json: thing is not a JSON object", refusal("[1]"));
        assertEquals("model.json: thing is not a JSON object", refusal(""));
        assertTrue(refusal(new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}'}).contains("thing is not valid UTF-8"));
    }

    @Test
    void refusesFilesOverTheLimit(@TempDir Path dir) throws IOException {
        Path big = Files.writeString(dir.resolve("big.json"), "{\"a\": \"" + "x".repeat(100) + "\"}");
        String message = assertThrows(ModelFormatException.class, () -> StrictJson.readObject(big, 50, "config")).getMessage();
        assertTrue(message.contains("config is 109 bytes, over the 50-byte limit"), message);
        assertEquals(1, StrictJson.readObject(big, 200, "config").size());
    }
}
