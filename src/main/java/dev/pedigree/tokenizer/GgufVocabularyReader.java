package dev.pedigree.tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vocabulary llama.cpp embeds in a GGUF file ({@code tokenizer.ggml.*} keys of the container
 * metadata). {@code tokenizer.ggml.model} says the convention: {@code gpt2} byte-level BPE,
 * {@code llama} SentencePiece, {@code bert} WordPiece rewritten with {@code ▁} word starts.
 */
public final class GgufVocabularyReader {
    /** llama.cpp token types: 3 = control (special), 4 = user-defined. */
    private static final long CONTROL = 3;

    private GgufVocabularyReader() {
    }

    public static Optional<Vocabulary> read(Map<String, Object> metadata) {
        if (!(metadata.get("tokenizer.ggml.tokens") instanceof List<?> tokenList)) {
            return Optional.empty();
        }
        String model = String.valueOf(metadata.getOrDefault("tokenizer.ggml.model", ""));
        String[] tokens = new String[tokenList.size()];
        StringBuilder hashed = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = String.valueOf(tokenList.get(i));
            hashed.append(tokens[i]).append('\n');
        }
        List<AddedToken> added = new ArrayList<>();
        if (metadata.get("tokenizer.ggml.token_type") instanceof List<?> types) {
            for (int i = 0; i < Math.min(types.size(), tokens.length); i++) {
                if (types.get(i) instanceof Number n && n.longValue() == CONTROL) {
                    added.add(new AddedToken(i, tokens[i], true));
                }
            }
        }
        List<String> merges = new ArrayList<>();
        if (metadata.get("tokenizer.ggml.merges") instanceof List<?> m) {
            for (Object o : m) {
                merges.add(String.valueOf(o));
            }
        }
        TokenizerKind kind = switch (model) {
            case "gpt2", "llama" -> merges.isEmpty() && model.equals("llama") ? TokenizerKind.UNIGRAM : TokenizerKind.BPE;
            case "bert" -> TokenizerKind.WORDPIECE;
            default -> TokenizerKind.UNKNOWN;
        };
        boolean byteLevel = model.equals("gpt2");
        // llama.cpp stores BERT vocabularies with ▁ marking word starts and no ## prefix.
        boolean metaspace = model.equals("llama") || model.equals("bert");
        SpecialTokens special = new SpecialTokens(id(metadata, "bos"), id(metadata, "eos"), id(metadata, "padding"),
                id(metadata, "unknown"), id(metadata, "mask"), null);
        return Optional.of(new Vocabulary(kind, tokens, merges, added, null, byteLevel, metaspace, special,
                TokenizerJsonReader.sha256(hashed.toString())));
    }

    private static Integer id(Map<String, Object> metadata, String which) {
        return metadata.get("tokenizer.ggml." + which + "_token_id") instanceof Number n ? n.intValue() : null;
    }
}
