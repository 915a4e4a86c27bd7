package dev.pedigree.tokenizer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tokenizer's vocabulary as stored: token string by id (added tokens included), BPE merges as
 * {@code "a b"} strings, the word-boundary conventions needed to normalise token text, and the
 * declared special tokens.
 *
 * @param tokens           token string per id; null where an id is unused
 * @param continuingPrefix WordPiece continuation prefix ({@code ##}), or null
 * @param byteLevel        tokens are GPT-2 byte-level strings ({@code Ġ} is a space)
 * @param metaspace        word starts carry SentencePiece's {@code ▁}
 * @param sourceSha256     SHA-256 of the text the vocabulary was read from (MPK's tokenizer_hash)
 */
public record Vocabulary(
        TokenizerKind kind,
        String[] tokens,
        List<String> merges,
        List<AddedToken> added,
        String continuingPrefix,
        boolean byteLevel,
        boolean metaspace,
        SpecialTokens special,
        String sourceSha256) {

    public Vocabulary {
        tokens = tokens.clone();
        merges = List.copyOf(merges);
        added = List.copyOf(added);
        special = special == null ? SpecialTokens.NONE : special;
    }

    /** Number of ids (highest id + 1). */
    public int size() {
        return tokens.length;
    }

    public String token(int id) {
        return id >= 0 && id < tokens.length ? tokens[id] : null;
    }

    /** Token string to id (the lowest id when a string repeats), in id order. */
    public Map<String, Integer> ids() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] != null) {
                out.putIfAbsent(tokens[i], i);
            }
        }
        return out;
    }

    /** The distinct token strings (what Python's {@code tokenizer.get_vocab().keys()} lists). */
    public List<String> strings() {
        return Collections.unmodifiableList(new ArrayList<>(ids().keySet()));
    }

    public boolean isSpecial(int id) {
        for (AddedToken t : added) {
            if (t.id() == id && t.special()) {
                return true;
            }
        }
        return false;
    }

    public Vocabulary withSpecial(SpecialTokens s) {
        return new Vocabulary(kind, tokens, merges, added, continuingPrefix, byteLevel, metaspace, s, sourceSha256);
    }
}
