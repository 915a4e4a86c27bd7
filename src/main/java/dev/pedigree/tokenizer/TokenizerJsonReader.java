package dev.pedigree.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.error.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a Hugging Face {@code tokenizer.json} (and, when it lies beside it, {@code tokenizer_config.json}
 * for the declared special tokens) into a {@link Vocabulary}. Nothing is tokenised: the file's model
 * section is the vocabulary.
 */
public final class TokenizerJsonReader {
    /** Refuse absurd files before reading them into memory (the largest real tokenizers are ~30 MB). */
    private static final long MAX_BYTES = 512L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenizerJsonReader() {
    }

    public static Vocabulary read(Path tokenizerJson) {
        byte[] bytes = readBounded(tokenizerJson);
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new BadInputException(tokenizerJson + ": not valid JSON: " + e.getMessage());
        }
        JsonNode model = root.path("model");
        if (!model.isObject()) {
            throw new BadInputException(tokenizerJson + ": no \"model\" section, so not a tokenizer.json");
        }
        TokenizerKind kind = kindOf(model.path("type").asText(""), model);
        List<String> byId = new ArrayList<>();
        JsonNode vocab = model.path("vocab");
        if (vocab.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                put(byId, e.getValue().asInt(-1), e.getKey(), tokenizerJson);
            }
        } else if (vocab.isArray()) {
            // Unigram: [[piece, score], ...], the id is the position.
            for (int i = 0; i < vocab.size(); i++) {
                put(byId, i, vocab.get(i).path(0).asText(), tokenizerJson);
            }
        }
        List<AddedToken> added = new ArrayList<>();
        for (JsonNode t : root.path("added_tokens")) {
            AddedToken a = new AddedToken(t.path("id").asInt(-1), t.path("content").asText(), t.path("special").asBoolean(false));
            put(byId, a.id(), a.content(), tokenizerJson);
            added.add(a);
        }
        List<String> merges = new ArrayList<>();
        for (JsonNode m : model.path("merges")) {
            if (m.isArray()) {
                merges.add(m.path(0).asText() + " " + m.path(1).asText());
            } else {
                merges.add(m.asText());
            }
        }
        String prefix = kind == TokenizerKind.WORDPIECE ? model.path("continuing_subword_prefix").asText("##") : null;
        boolean byteLevel = hasType(root.path("pre_tokenizer"), "ByteLevel") || hasType(root.path("decoder"), "ByteLevel");
        boolean metaspace = hasType(root.path("pre_tokenizer"), "Metaspace") || hasType(root.path("decoder"), "Metaspace")
                || mentionsMetaspace(root.path("normalizer")) || kind == TokenizerKind.UNIGRAM;
        Vocabulary v = new Vocabulary(kind, byId.toArray(String[]::new), merges, added, prefix, byteLevel, metaspace,
                SpecialTokens.NONE, sha256(bytes));
        Path config = tokenizerJson.resolveSibling("tokenizer_config.json");
        return Files.isRegularFile(config) ? v.withSpecial(readSpecial(config, v)) : v;
    }

    private static TokenizerKind kindOf(String type, JsonNode model) {
        return switch (type) {
            case "BPE" -> TokenizerKind.BPE;
            case "WordPiece" -> TokenizerKind.WORDPIECE;
            case "Unigram" -> TokenizerKind.UNIGRAM;
            case "WordLevel" -> TokenizerKind.WORDLEVEL;
            // Old files omit the type: merges mean BPE, a prefix field means WordPiece.
            default -> model.has("merges") ? TokenizerKind.BPE
                    : model.has("continuing_subword_prefix") ? TokenizerKind.WORDPIECE : TokenizerKind.UNKNOWN;
        };
    }

    private static void put(List<String> byId, int id, String token, Path file) {
        if (id < 0 || id > 50_000_000) {
            throw new BadInputException(file + ": token id " + id + " for " + token + " is out of range");
        }
        while (byId.size() <= id) {
            byId.add(null);
        }
        byId.set(id, token);
    }

    /** True when the node or any nested node (Sequence members) has this {@code type}. */
    private static boolean hasType(JsonNode node, String type) {
        if (node.isObject()) {
            if (type.equals(node.path("type").asText())) {
                return true;
            }
            for (JsonNode child : node) {
                if (hasType(child, type)) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                if (hasType(child, type)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Llama-style normalisers replace spaces by {@code ▁} instead of using a Metaspace pre-tokenizer. */
    private static boolean mentionsMetaspace(JsonNode normalizer) {
        return !normalizer.isMissingNode() && !normalizer.isNull() && normalizer.toString().contains("\u2581");
    }

    private static SpecialTokens readSpecial(Path config, Vocabulary v) {
        JsonNode c;
        try {
            c = JSON.readTree(readBounded(config));
        } catch (IOException e) {
            throw new BadInputException(config + ": not valid JSON: " + e.getMessage());
        }
        Map<String, Integer> ids = v.ids();
        String cls = c.path("tokenizer_class").asText(null);
        if (cls != null && cls.endsWith("Fast")) {
            cls = cls.substring(0, cls.length() - 4);
        }
        return new SpecialTokens(idOf(c, "bos_token", ids), idOf(c, "eos_token", ids), idOf(c, "pad_token", ids),
                idOf(c, "unk_token", ids), idOf(c, "mask_token", ids), cls);
    }

    private static Integer idOf(JsonNode config, String key, Map<String, Integer> ids) {
        JsonNode n = config.path(key);
        String content = n.isTextual() ? n.asText() : n.path("content").asText(null);
        return content == null ? null : ids.get(content);
    }

    private static byte[] readBounded(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new BadInputException(file + ": " + size + " bytes is too large for a tokenizer file");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage());
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
