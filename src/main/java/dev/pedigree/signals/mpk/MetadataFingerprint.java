package dev.pedigree.signals.mpk;

import dev.pedigree.tokenizer.SpecialTokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MPK's MFI fingerprint: the fields it reads from {@code config.json} (the text backbone of a nested
 * config), the ones it derives (attention style, norm type, positional encoding, qk-norm, attention
 * bias) and its two hashes. Values are held as Python would hold them so the hashes match MPK's.
 */
public final class MetadataFingerprint {
    private static final List<String> FFN_KEYS = List.of("intermediate_size", "d_ff", "encoder_ffn_dim", "decoder_ffn_dim", "ffn_dim");

    private MetadataFingerprint() {
    }

    /**
     * @param config        the parsed config.json (as Jackson maps it)
     * @param special       bos/eos as the tokenizer declares them
     * @param tokenizerHash SHA-256 of the tokenizer file, or null without one
     */
    public static Map<String, Object> of(Map<String, Object> config, SpecialTokens special, String tokenizerHash) {
        Map<String, Object> cfg = textBackbone(config);
        Map<String, Object> fp = new LinkedHashMap<>();
        fp.put("model_type", config.getOrDefault("model_type", "unknown"));
        fp.put("architectures", config.get("architectures"));
        fp.put("hidden_size", cfg.getOrDefault("hidden_size", 0));
        fp.put("num_hidden_layers", cfg.getOrDefault("num_hidden_layers", 0));
        fp.put("num_attention_heads", cfg.getOrDefault("num_attention_heads", 0));
        fp.put("num_key_value_heads", cfg.get("num_key_value_heads"));
        fp.put("intermediate_size", intermediateSize(cfg));
        fp.put("vocab_size", cfg.getOrDefault("vocab_size", 0));
        fp.put("max_position_embeddings", cfg.getOrDefault("max_position_embeddings", 0));
        fp.put("hidden_act", cfg.containsKey("hidden_act") ? cfg.get("hidden_act") : cfg.get("hidden_activation"));
        fp.put("head_dim", cfg.get("head_dim"));
        fp.put("rope_theta", cfg.get("rope_theta"));
        fp.put("rope_scaling", cfg.get("rope_scaling"));
        fp.put("tie_word_embeddings", cfg.get("tie_word_embeddings"));
        fp.put("bos_token_id", special.bos());
        fp.put("eos_token_id", special.eos());
        deriveAttentionStyle(fp);
        fp.put("norm_type", cfg.containsKey("rms_norm_eps") || cfg.containsKey("rms_norm_epsilon") ? "RMSNorm"
                : cfg.containsKey("layer_norm_eps") || cfg.containsKey("layer_norm_epsilon") ? "LayerNorm" : "unknown");
        fp.put("attention_bias", cfg.containsKey("attention_bias") ? cfg.get("attention_bias") : cfg.get("bias"));
        fp.put("qk_norm", truthy(cfg.get("qk_layernorm")) || truthy(cfg.get("qk_norm")) || cfg.get("query_pre_attn_scalar") != null);
        fp.put("pos_encoding", fp.get("rope_theta") != null ? "RoPE"
                : cfg.containsKey("position_embedding_type") ? cfg.get("position_embedding_type") : "absolute");
        fp.put("tokenizer_hash", tokenizerHash);
        fp.put("arch_hash", MfiHashes.archHash(fp));
        fp.put("family_hash", MfiHashes.familyHash(fp));
        return fp;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> textBackbone(Map<String, Object> config) {
        if (positive(config.get("hidden_size"))) {
            return config;
        }
        for (String sub : List.of("text_config", "decoder")) {
            if (config.get(sub) instanceof Map<?, ?> m && positive(m.get("hidden_size"))) {
                return (Map<String, Object>) m;
            }
        }
        return config;
    }

    private static Object intermediateSize(Map<String, Object> cfg) {
        for (String k : FFN_KEYS) {
            if (positive(cfg.get(k))) {
                return ((Number) cfg.get(k)).intValue();
            }
        }
        Object hiddenDim = cfg.get("hidden_dim");
        if (positive(hiddenDim) && !hiddenDim.equals(cfg.get("hidden_size"))) {
            return ((Number) hiddenDim).intValue();
        }
        return 0;
    }

    private static void deriveAttentionStyle(Map<String, Object> fp) {
        int heads = fp.get("num_attention_heads") instanceof Number n && n.intValue() != 0 ? n.intValue() : 1;
        Number kv = fp.get("num_key_value_heads") instanceof Number n ? n : null;
        fp.put("gqa_ratio", kv != null && kv.intValue() != 0 ? Math.round(10.0 * heads / kv.intValue()) / 10.0 : 1.0);
        fp.put("attention_style", kv == null || kv.intValue() == heads ? "MHA" : kv.intValue() == 1 ? "MQA" : "GQA");
    }

    private static boolean positive(Object o) {
        return o instanceof Number n && n.doubleValue() > 0;
    }

    private static boolean truthy(Object o) {
        return o instanceof Boolean b ? b : o instanceof Number n ? n.doubleValue() != 0 : o != null && !(o instanceof String s && s.isEmpty());
    }

    /** A config for a model that has none (ONNX, GGUF): the declared architecture facts only. */
    public static Map<String, Object> configOf(dev.pedigree.model.ArchitectureSpec a) {
        if (a == null) {
            return Map.of();
        }
        if (!a.raw().isEmpty() && a.source().equals("config.json")) {
            return a.raw();
        }
        Map<String, Object> c = new LinkedHashMap<>();
        putIfSet(c, "model_type", a.modelType());
        if (!a.architectures().isEmpty()) {
            c.put("architectures", new ArrayList<>(a.architectures()));
        }
        putIfSet(c, "hidden_size", a.hiddenSize());
        putIfSet(c, "num_hidden_layers", a.numLayers());
        putIfSet(c, "num_attention_heads", a.numHeads());
        putIfSet(c, "num_key_value_heads", a.numKvHeads());
        putIfSet(c, "intermediate_size", a.intermediateSize());
        putIfSet(c, "vocab_size", a.vocabSize());
        putIfSet(c, "max_position_embeddings", a.maxPositionEmbeddings());
        putIfSet(c, "head_dim", a.headDim());
        putIfSet(c, "hidden_act", a.hiddenAct());
        putIfSet(c, "rms_norm_eps", a.rmsNormEps());
        putIfSet(c, "layer_norm_eps", a.layerNormEps());
        putIfSet(c, "rope_theta", a.ropeTheta());
        putIfSet(c, "tie_word_embeddings", a.tieWordEmbeddings());
        return c;
    }

    private static void putIfSet(Map<String, Object> c, String key, Object value) {
        if (value != null) {
            c.put(key, value);
        }
    }
}
