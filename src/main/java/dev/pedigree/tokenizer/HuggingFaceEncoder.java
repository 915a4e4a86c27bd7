package dev.pedigree.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.pedigree.error.BadInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A {@link TextEncoder} backed by the Hugging Face tokenizers library (through DJL) loaded from a
 * {@code tokenizer.json}, so anchor strings encode to exactly the ids MPK's Python tokenizer gives.
 */
public final class HuggingFaceEncoder implements TextEncoder, AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;

    private HuggingFaceEncoder(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    public static HuggingFaceEncoder open(Path tokenizerJson) {
        // Never let DJL reach for the network: the tokenizer is a local file.
        System.setProperty("ai.djl.offline", "true");
        try {
            return new HuggingFaceEncoder(HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of("addSpecialTokens", "false")));
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(tokenizerJson + ": cannot load tokenizer: " + e.getMessage());
        }
    }

    @Override
    public long[] encode(String text) {
        return tokenizer.encode(text).getIds();
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
