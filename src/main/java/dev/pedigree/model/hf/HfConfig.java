package dev.pedigree.model.hf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pedigree.error.MessageText;
import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.ModelFormatException;
import dev.pedigree.model.StrictJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Hugging Face {@code config.json} into an {@link ArchitectureSpec}.
 *
 * <p>Multimodal and wrapper configs nest the language model under {@code text_config},
 * {@code llm_config} or {@code language_config}; that backbone is described, and a key it lacks is
 * taken from the top level (older nested configs keep {@code vocab_size} there). Each field tries
 * the names the model families use for it (GPT-2 {@code n_embd}, BLOOM {@code n_embed}, Falcon
 * {@code n_head_kv}, ...). Where a config leaves a value to its architecture's default, the default
 * is filled only when the architecture fixes it: key/value heads equal heads unless declared, head
 * size is hidden size over heads, and the GPT-2/BLOOM/Falcon MLP width is 4 x hidden.
 * {@code raw} keeps every top-level key (nested objects as maps).
 */
public final class HfConfig {
    private static final long MAX_CONFIG_BYTES = 16L * 1024 * 1024;
    private static final List<String> BACKBONE_KEYS = List.of("text_config", "llm_config", "language_config");
    private static final Set<String> FALCON_TYPES = Set.of("falcon", "RefinedWeb", "RefinedWebModel");

    private final Path file;
    private final JsonNode root;
    private final JsonNode backbone;

    private HfConfig(Path file, JsonNode root, JsonNode backbone) {
        this.file = file;
        this.root = root;
        this.backbone = backbone;
    }

    public static ArchitectureSpec read(Path configJson) {
        JsonNode root = StrictJson.readObject(configJson, MAX_CONFIG_BYTES, "config");
        JsonNode backbone = root;
        for (String key : BACKBONE_KEYS) {
            JsonNode nested = root.get(key);
            if (nested != null && nested.isObject()) {
                backbone = nested;
                break;
            }
        }
        return new HfConfig(configJson, root, backbone).spec();
    }

    private ArchitectureSpec spec() {
        String modelType = text("model_type");
        Integer hidden = positiveInt("hidden_size", "n_embd", "n_embed", "d_model");
        Integer heads = positiveInt("num_attention_heads", "n_head", "num_heads", "n_heads");
        Integer headDim = positiveInt("head_dim");
        if (headDim == null && hidden != null && heads != null && hidden % heads == 0) {
            headDim = hidden / heads;
        }
        return new ArchitectureSpec(
                "config.json",
                modelType,
                architectures(),
                hidden,
                positiveInt("num_hidden_layers", "n_layer", "num_layers", "n_layers"),
                heads,
                kvHeads(modelType, heads),
                intermediateSize(modelType, hidden),
                positiveInt("vocab_size", "padded_vocab_size"),
                positiveInt("max_position_embeddings", "n_positions"),
                headDim,
                text("hidden_act", "hidden_activation", "activation_function"),
                number("rms_norm_eps"),
                number("layer_norm_eps", "layer_norm_epsilon"),
                ropeTheta(),
                bool("tie_word_embeddings"),
                rawMap());
    }

    /**
     * Falcon: the new decoder architecture declares its kv heads; otherwise {@code multi_query}
     * (default true in Falcon's config class) means one shared kv head.
     */
    private Integer kvHeads(String modelType, Integer heads) {
        if (modelType != null && FALCON_TYPES.contains(modelType)) {
            if (Boolean.TRUE.equals(bool("new_decoder_architecture"))) {
                Integer declared = positiveInt("num_kv_heads", "n_head_kv");
                return declared != null ? declared : heads;
            }
            return Boolean.FALSE.equals(bool("multi_query")) ? heads : Integer.valueOf(1);
        }
        Integer declared = positiveInt("num_key_value_heads", "num_kv_heads", "n_head_kv");
        return declared != null ? declared : heads;
    }

    private Integer intermediateSize(String modelType, Integer hidden) {
        Integer declared = positiveInt("intermediate_size", "d_ff", "encoder_ffn_dim", "decoder_ffn_dim", "ffn_dim",
                "n_inner", "ffn_hidden_size");
        if (declared != null || hidden == null || modelType == null) {
            return declared;
        }
        // These families hard-code the MLP width as 4 x hidden when the config does not set it.
        return switch (modelType) {
            case "gpt2", "bloom", "falcon", "RefinedWeb", "RefinedWebModel" -> hidden <= Integer.MAX_VALUE / 4 ? 4 * hidden : null;
            default -> null;
        };
    }

    private Double ropeTheta() {
        Double theta = number("rope_theta", "rotary_emb_base");
        if (theta != null) {
            return theta;
        }
        JsonNode parameters = lookup("rope_parameters");
        if (parameters != null && parameters.isObject()) {
            JsonNode v = parameters.get("rope_theta");
            if (v != null && v.isNumber()) {
                return v.doubleValue();
            }
        }
        return null;
    }

    private List<String> architectures() {
        JsonNode node = lookup("architectures");
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new ModelFormatException(file, "architectures is not a list");
        }
        for (JsonNode a : node) {
            if (!a.isTextual()) {
                throw new ModelFormatException(file, "architectures holds a non-string entry");
            }
            out.add(a.textValue());
        }
        return out;
    }

    /** The value of a key in the backbone, else at the top level; JSON null counts as absent. */
    private JsonNode lookup(String key) {
        JsonNode v = backbone.get(key);
        if ((v == null || v.isNull()) && backbone != root) {
            v = root.get(key);
        }
        return v == null || v.isNull() ? null : v;
    }

    /** The first of {@code keys} holding a positive integer; a present value of another type is an error. */
    private Integer positiveInt(String... keys) {
        for (String key : keys) {
            JsonNode v = lookup(key);
            if (v == null) {
                continue;
            }
            if (!v.isNumber() || !v.canConvertToExactIntegral() || !v.canConvertToInt()) {
                throw new ModelFormatException(file, key + " is " + MessageText.oneLine(v.toString()) + ", not an integer");
            }
            if (v.intValue() > 0) {
                return v.intValue();
            }
        }
        return null;
    }

    private Double number(String... keys) {
        for (String key : keys) {
            JsonNode v = lookup(key);
            if (v == null) {
                continue;
            }
            if (!v.isNumber()) {
                throw new ModelFormatException(file, key + " is " + MessageText.oneLine(v.toString()) + ", not a number");
            }
            return v.doubleValue();
        }
        return null;
    }

    private String text(String... keys) {
        for (String key : keys) {
            JsonNode v = lookup(key);
            if (v != null && v.isTextual()) {
                return v.textValue();
            }
        }
        return null;
    }

    private Boolean bool(String key) {
        JsonNode v = lookup(key);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            throw new ModelFormatException(file, key + " is " + MessageText.oneLine(v.toString()) + ", not true or false");
        }
        return v.booleanValue();
    }

    private Map<String, Object> rawMap() {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            raw.put(e.getKey(), plain(e.getValue()));
        }
        return raw;
    }

    /** JSON to plain Java: String, Long, Double, Boolean, List, Map, or null. */
    private static Object plain(JsonNode v) {
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>(v.size());
            v.forEach(item -> list.add(plain(item)));
            return java.util.Collections.unmodifiableList(list);
        }
        if (v.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            v.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
            return java.util.Collections.unmodifiableMap(map);
        }
        return null;
    }
}
