package dev.pedigree.model.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pedigree.model.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleNameHintsTest {
    @Test
    void namesSplitIntoWholeWordsAtPunctuationAndCaseChanges() {
        assertEquals(List.of("model", "layers", "0", "self", "attn", "q", "proj"), RoleNameHints.words("model.layers.0.selfAttn.q_proj"));
        assertEquals(List.of("backbone", "tok", "embeddings"), RoleNameHints.words("backbone.tok_embeddings"));
    }

    @Test
    void aWordHintsOnlyAmongTheCandidateRoles() {
        assertEquals(Set.of(Role.Q), RoleNameHints.hinted("attention.wq", List.of(Role.Q, Role.O)));
        assertEquals(Set.of(Role.GATE), RoleNameHints.hinted("ffn.w1", List.of(Role.GATE, Role.UP)));
        assertEquals(Set.of(Role.UP), RoleNameHints.hinted("ffn.w3", List.of(Role.GATE, Role.UP)));
        // w1 means nothing among attention roles.
        assertEquals(Set.of(), RoleNameHints.hinted("attn.w1", List.of(Role.Q, Role.K, Role.V, Role.O)));
        assertEquals(Set.of(Role.O), RoleNameHints.hinted("attention.output.dense", List.of(Role.Q, Role.K, Role.V, Role.O)));
    }

    @Test
    void substringsAreNotWords() {
        // "query" contains no hint for k or v; "quantile" is not "q".
        assertEquals(Set.of(), RoleNameHints.hinted("mix.quantile", List.of(Role.Q, Role.O)));
        assertEquals(Set.of(), RoleNameHints.hinted("upsample", List.of(Role.GATE, Role.UP)));
    }

    @Test
    void conflictingOrReversingWordsGiveNoHint() {
        // GPT-NeoX's embed_out is the head: both words hint, so neither decides.
        assertEquals(Set.of(Role.EMBEDDING, Role.LM_HEAD), RoleNameHints.hinted("embed_out", List.of(Role.EMBEDDING, Role.LM_HEAD)));
        // Llama's post_attention_layernorm precedes the MLP: "post" voids the side hint.
        assertEquals(Set.of(), RoleNameHints.hinted("post_attention_layernorm", List.of(Role.ATTN_NORM, Role.MLP_NORM)));
        assertEquals(Set.of(Role.ATTN_NORM), RoleNameHints.hinted("attention_norm", List.of(Role.ATTN_NORM, Role.MLP_NORM)));
    }
}
