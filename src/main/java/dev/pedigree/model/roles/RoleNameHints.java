package dev.pedigree.model.roles;

import dev.pedigree.model.Role;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Common words in tensor names that point to a role, used by {@link StructuralTensorRoles} only to
 * tell apart tensors whose shapes are the same (q from o, k from v, gate from up, embedding from
 * head). A name is split into whole words ({@code attention.wq} gives {@code attention}, {@code wq});
 * a word hints a role only when it is one of the listed words, never as a substring. SwiGLU's
 * {@code w1}/{@code w3} follow the convention of the original LLaMA code (w1 gate, w3 up, w2 down).
 */
final class RoleNameHints {
    private static final Map<Role, Set<String>> WORDS = Map.ofEntries(
            Map.entry(Role.Q, Set.of("q", "wq", "query", "queries")),
            Map.entry(Role.K, Set.of("k", "wk", "key", "keys")),
            Map.entry(Role.V, Set.of("v", "wv", "value", "values")),
            Map.entry(Role.O, Set.of("o", "wo", "out", "output")),
            Map.entry(Role.GATE, Set.of("gate", "gating", "w1", "wg")),
            Map.entry(Role.UP, Set.of("up", "w3", "in", "wi")),
            Map.entry(Role.Q_NORM, Set.of("q", "query")),
            Map.entry(Role.K_NORM, Set.of("k", "key")),
            Map.entry(Role.ATTN_NORM, Set.of("attn", "attention", "att", "self", "sa")),
            Map.entry(Role.MLP_NORM, Set.of("mlp", "ffn", "ff", "feed", "forward", "fc")),
            Map.entry(Role.EMBEDDING, Set.of("emb", "embed", "embeds", "embedding", "embeddings", "embd", "tok", "token", "tokens", "wte",
                    "word", "words")),
            Map.entry(Role.LM_HEAD, Set.of("head", "lm", "output", "out", "logits", "unembed", "unembedding")),
            Map.entry(Role.EMBEDDING_NORM, Set.of("emb", "embed", "embedding", "embeddings", "embd")),
            Map.entry(Role.FINAL_NORM, Set.of("final", "f", "last", "out")),
            Map.entry(Role.POSITION_EMBEDDING, Set.of("pos", "position", "positions", "positional", "wpe")),
            Map.entry(Role.TOKEN_TYPE_EMBEDDING, Set.of("type", "types", "segment", "segments")),
            Map.entry(Role.POOLER, Set.of("pool", "pooler", "pooling")));

    /** Words that reverse what a side hint means ({@code post_attention_layernorm} precedes the MLP in Llama). */
    private static final Set<String> NEUTRALISING = Set.of("post", "pre");

    private RoleNameHints() {
    }

    /** The whole words of a name: split at anything but letters and digits, and at lower-to-upper case changes. */
    static List<String> words(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Arrays.stream(spaced.split("[^a-z0-9]+")).filter(w -> !w.isEmpty()).toList();
    }

    /** The roles among {@code candidates} that the name's words point to. */
    static Set<Role> hinted(String name, List<Role> candidates) {
        Set<String> words = new HashSet<>(words(name));
        Set<Role> out = EnumSet.noneOf(Role.class);
        boolean sides = candidates.contains(Role.ATTN_NORM) || candidates.contains(Role.MLP_NORM);
        if (sides && words.stream().anyMatch(NEUTRALISING::contains)) {
            return out;
        }
        for (Role r : candidates) {
            Set<String> hints = WORDS.get(r);
            if (hints != null && words.stream().anyMatch(hints::contains)) {
                out.add(r);
            }
        }
        return out;
    }
}
