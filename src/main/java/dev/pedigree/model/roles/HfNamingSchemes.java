package dev.pedigree.model.roles;

import dev.pedigree.model.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Hugging Face tensor names of each supported {@code model_type}, written out in full from the
 * transformers modelling code of each family.
 */
final class HfNamingSchemes {
    /**
     * Llama-style decoders. Besides {@code model.} and no prefix, multimodal wrappers keep the same
     * backbone under {@code language_model.model.} (older transformers) or {@code model.language_model.}.
     */
    private static final HfNaming LLAMA = new HfNaming(
            List.of("model.", "model.language_model.", "language_model.model.", ""), "layers.")
            .global("embed_tokens.weight", Role.EMBEDDING)
            .global("norm.weight", Role.FINAL_NORM)
            .whole("lm_head.weight", Role.LM_HEAD, false)
            .whole("language_model.lm_head.weight", Role.LM_HEAD, false)
            .pair("self_attn.q_proj", Role.Q)
            .pair("self_attn.k_proj", Role.K)
            .pair("self_attn.v_proj", Role.V)
            .pair("self_attn.o_proj", Role.O)
            .pair("mlp.gate_proj", Role.GATE)
            .pair("mlp.up_proj", Role.UP)
            .pair("mlp.down_proj", Role.DOWN)
            .pair("input_layernorm", Role.ATTN_NORM)
            .pair("post_attention_layernorm", Role.MLP_NORM);

    private static final HfNaming QWEN3 = LLAMA.copy()
            .pair("self_attn.q_norm", Role.Q_NORM)
            .pair("self_attn.k_norm", Role.K_NORM);

    /** Gemma 2 normalises both sides of each sub-block; its post_attention_layernorm follows attention. */
    private static final HfNaming GEMMA2 = LLAMA.copy()
            .pair("post_attention_layernorm", Role.POST_ATTN_NORM)
            .pair("pre_feedforward_layernorm", Role.MLP_NORM)
            .pair("post_feedforward_layernorm", Role.POST_MLP_NORM);

    private static final HfNaming GEMMA3 = GEMMA2.copy()
            .pair("self_attn.q_norm", Role.Q_NORM)
            .pair("self_attn.k_norm", Role.K_NORM);

    private static final HfNaming PHI3 = LLAMA.copy()
            .remove("self_attn.q_proj.weight").remove("self_attn.q_proj.bias")
            .remove("self_attn.k_proj.weight").remove("self_attn.k_proj.bias")
            .remove("self_attn.v_proj.weight").remove("self_attn.v_proj.bias")
            .remove("mlp.gate_proj.weight").remove("mlp.gate_proj.bias")
            .remove("mlp.up_proj.weight").remove("mlp.up_proj.bias")
            .fused("self_attn.qkv_proj", FusedLayout.QKV_CONCAT_HEADS, false)
            .fused("mlp.gate_up_proj", FusedLayout.GATE_UP_HALVES, false);

    private static final HfNaming GPT2 = new HfNaming(List.of("transformer.", ""), "h.")
            .global("wte.weight", Role.EMBEDDING)
            .global("wpe.weight", Role.POSITION_EMBEDDING)
            .globalPair("ln_f", Role.FINAL_NORM)
            .whole("lm_head.weight", Role.LM_HEAD, false)
            .pair("ln_1", Role.ATTN_NORM)
            .pair("ln_2", Role.MLP_NORM)
            .fused("attn.c_attn", FusedLayout.QKV_THIRDS, true)
            .conv1d("attn.c_proj", Role.O)
            .conv1d("mlp.c_fc", Role.UP)
            .conv1d("mlp.c_proj", Role.DOWN);

    private static final HfNaming GPT_NEOX = new HfNaming(List.of("gpt_neox.", ""), "layers.")
            .global("embed_in.weight", Role.EMBEDDING)
            .globalPair("final_layer_norm", Role.FINAL_NORM)
            .whole("embed_out.weight", Role.LM_HEAD, false)
            .pair("input_layernorm", Role.ATTN_NORM)
            .pair("post_attention_layernorm", Role.MLP_NORM)
            .fused("attention.query_key_value", FusedLayout.QKV_GROUPED_HEADS, false)
            .pair("attention.dense", Role.O)
            .pair("mlp.dense_h_to_4h", Role.UP)
            .pair("mlp.dense_4h_to_h", Role.DOWN);

    private static final HfNaming BLOOM = new HfNaming(List.of("transformer.", ""), "h.")
            .global("word_embeddings.weight", Role.EMBEDDING)
            .globalPair("word_embeddings_layernorm", Role.EMBEDDING_NORM)
            .globalPair("ln_f", Role.FINAL_NORM)
            .whole("lm_head.weight", Role.LM_HEAD, false)
            .pair("input_layernorm", Role.ATTN_NORM)
            .pair("post_attention_layernorm", Role.MLP_NORM)
            .fused("self_attention.query_key_value", FusedLayout.QKV_GROUPED_HEADS, false)
            .pair("self_attention.dense", Role.O)
            .pair("mlp.dense_h_to_4h", Role.UP)
            .pair("mlp.dense_4h_to_h", Role.DOWN);

    /** Falcon: one input_layernorm (parallel attention), or ln_attn/ln_mlp in the new decoder architecture. */
    private static final HfNaming FALCON = BLOOM.copy()
            .pair("ln_attn", Role.ATTN_NORM)
            .pair("ln_mlp", Role.MLP_NORM);

    /** BERT is post-norm: each sub-block's LayerNorm follows its residual sum. */
    private static final HfNaming BERT = encoder("bert.")
            .whole("cls.predictions.decoder.weight", Role.LM_HEAD, false)
            .whole("cls.predictions.decoder.bias", Role.LM_HEAD, true)
            .whole("cls.predictions.bias", Role.LM_HEAD, true);

    private static final HfNaming ROBERTA = encoder("roberta.")
            .whole("lm_head.decoder.weight", Role.LM_HEAD, false)
            .whole("lm_head.decoder.bias", Role.LM_HEAD, true)
            .whole("lm_head.bias", Role.LM_HEAD, true);

    private static final Map<String, HfNaming> BY_MODEL_TYPE = Map.ofEntries(
            Map.entry("llama", LLAMA),
            Map.entry("mistral", LLAMA),
            Map.entry("qwen2", LLAMA),
            Map.entry("qwen3", QWEN3),
            Map.entry("gemma", LLAMA),
            Map.entry("gemma2", GEMMA2),
            Map.entry("gemma3", GEMMA3),
            Map.entry("gemma3_text", GEMMA3),
            Map.entry("phi3", PHI3),
            Map.entry("gpt2", GPT2),
            Map.entry("gpt_neox", GPT_NEOX),
            Map.entry("bloom", BLOOM),
            Map.entry("falcon", FALCON),
            Map.entry("RefinedWeb", FALCON),
            Map.entry("RefinedWebModel", FALCON),
            Map.entry("bert", BERT),
            Map.entry("roberta", ROBERTA),
            Map.entry("xlm-roberta", ROBERTA));

    private HfNamingSchemes() {
    }

    static Optional<HfNaming> forModelType(String modelType) {
        return Optional.ofNullable(modelType == null ? null : BY_MODEL_TYPE.get(modelType));
    }

    static java.util.Set<String> modelTypes() {
        return new java.util.TreeSet<>(BY_MODEL_TYPE.keySet());
    }

    private static HfNaming encoder(String prefix) {
        return new HfNaming(List.of(prefix, ""), "encoder.layer.")
                .global("embeddings.word_embeddings.weight", Role.EMBEDDING)
                .global("embeddings.position_embeddings.weight", Role.POSITION_EMBEDDING)
                .global("embeddings.token_type_embeddings.weight", Role.TOKEN_TYPE_EMBEDDING)
                .globalPair("embeddings.LayerNorm", Role.EMBEDDING_NORM)
                .global("embeddings.LayerNorm.gamma", Role.EMBEDDING_NORM)
                .globalBias("embeddings.LayerNorm.beta", Role.EMBEDDING_NORM)
                .globalPair("pooler.dense", Role.POOLER)
                .pair("attention.self.query", Role.Q)
                .pair("attention.self.key", Role.K)
                .pair("attention.self.value", Role.V)
                .pair("attention.output.dense", Role.O)
                .pair("attention.output.LayerNorm", Role.POST_ATTN_NORM)
                .gammaBeta("attention.output.LayerNorm", Role.POST_ATTN_NORM)
                .pair("intermediate.dense", Role.UP)
                .pair("output.dense", Role.DOWN)
                .pair("output.LayerNorm", Role.POST_MLP_NORM)
                .gammaBeta("output.LayerNorm", Role.POST_MLP_NORM);
    }
}
