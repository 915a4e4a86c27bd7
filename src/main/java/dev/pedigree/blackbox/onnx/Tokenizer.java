package dev.pedigree.blackbox.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.pedigree.error.BadInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A model's own tokenizer, from its {@code tokenizer.json} (DJL HuggingFace Tokenizers), used as the
 * model was trained: its special tokens added, no padding (batches are padded by the backends), no
 * truncation (the backends decide what to cut). Also used beside a remote model whose tokenizer file
 * the user has, to name its vocabulary and send token ids.
 */
public final class Tokenizer implements AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;

    private Tokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    public static Tokenizer open(Path tokenizerJson) {
        OnnxRuntime.prepare();
        try {
            return new Tokenizer(HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of(
                    "addSpecialTokens", "true", "padding", "false", "truncation", "false")));
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(tokenizerJson + ": cannot load the tokenizer: " + e.getMessage(), e);
        }
    }

    Encoding encode(String text) {
        return tokenizer.encode(text);
    }

    /** Token ids of a text. */
    public int[] ids(String text) {
        return java.util.Arrays.stream(encode(text).getIds()).mapToInt(Math::toIntExact).toArray();
    }

    /** The text of token ids, special tokens left out. */
    public String decode(int[] ids) {
        long[] longs = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            longs[i] = ids[i];
        }
        return tokenizer.decode(longs, true);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
