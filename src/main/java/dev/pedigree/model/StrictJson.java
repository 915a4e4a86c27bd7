package dev.pedigree.model;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pedigree.error.MessageText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Parses the JSON found in model files (safetensors headers, shard indexes, config.json) strictly:
 * UTF-8 only, no duplicate keys, nothing after the value, and a JSON object at the top. Every
 * failure is a {@link ModelFormatException} naming the file and what was wrong.
 */
public final class StrictJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StrictJson() {
    }

    /**
     * The JSON object in {@code json}.
     *
     * @param what how messages call this text: {@code header}, {@code index}, {@code config}
     */
    public static JsonNode parseObject(Path file, byte[] json, String what) {
        var utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        JsonNode root;
        try (JsonParser parser = MAPPER.createParser(new InputStreamReader(new ByteArrayInputStream(json), utf8))) {
            root = MAPPER.readTree(parser);
        } catch (JacksonException e) {
            throw new ModelFormatException(file, what + " is not well-formed JSON: " + MessageText.oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ModelFormatException(file, what + " is not valid UTF-8: " + MessageText.oneLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new ModelFormatException(file, what + " is not a JSON object");
        }
        return root;
    }

    /** The JSON object in a whole file of at most {@code maxBytes} bytes. */
    public static JsonNode readObject(Path file, long maxBytes, String what) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new ModelFormatException(file, what + " is " + size + " bytes, over the " + maxBytes + "-byte limit");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelFormatException(file, "cannot read " + what + ": " + MessageText.oneLine(e.toString()));
        }
        return parseObject(file, bytes, what);
    }
}
