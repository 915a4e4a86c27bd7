package dev.pedigree.model.gguf;

import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.ModelFormatException;
import dev.pedigree.model.TensorContainer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The architecture a GGUF file declares in its metadata, under {@code general.architecture} and
 * keys prefixed with that name ({@code llama.embedding_length}, {@code llama.attention.head_count}).
 * As llama.cpp does, a missing {@code head_count_kv} means one kv head per query head; the vocabulary
 * size is {@code <arch>.vocab_size} when given, else the length of {@code tokenizer.ggml.tokens}.
 * Tied embeddings are read off the tensors: no {@code output.weight} beside {@code token_embd.weight}.
 */
public final class GgufArchitecture {
    private GgufArchitecture() {
    }

    public static ArchitectureSpec from(TensorContainer container) {
        Map<String, Object> meta = container.metadata();
        Fields f = new Fields(container, meta);
        String arch = f.string("general.architecture");
        String p = arch == null ? "" : arch + ".";
        Integer heads = f.integer(p + "attention.head_count");
        Integer kvHeads = f.integer(p + "attention.head_count_kv");
        Integer vocab = f.integer(p + "vocab_size");
        if (vocab == null && meta.get("tokenizer.ggml.tokens") instanceof List<?> tokens) {
            vocab = tokens.size();
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : meta.entrySet()) {
            if (!(e.getValue() instanceof List)) {
                raw.put(e.getKey(), e.getValue());
            }
        }
        boolean hasEmbedding = false;
        boolean hasOutput = false;
        for (var t : container.tensors()) {
            hasEmbedding |= t.name().equals("token_embd.weight");
            hasOutput |= t.name().equals("output.weight");
        }
        return new ArchitectureSpec(
                "gguf",
                arch,
                arch == null ? List.of() : List.of(arch),
                f.integer(p + "embedding_length"),
                f.integer(p + "block_count"),
                heads,
                kvHeads != null ? kvHeads : heads,
                f.integer(p + "feed_forward_length"),
                vocab,
                f.integer(p + "context_length"),
                f.integer(p + "attention.key_length"),
                null,
                f.real(p + "attention.layer_norm_rms_epsilon"),
                f.real(p + "attention.layer_norm_epsilon"),
                f.real(p + "rope.freq_base"),
                hasEmbedding ? !hasOutput : null,
                raw);
    }

    /** Typed access to metadata values, refusing a key whose value has the wrong type. */
    private record Fields(TensorContainer container, Map<String, Object> meta) {
        String string(String key) {
            Object v = meta.get(key);
            if (v == null || v instanceof String) {
                return (String) v;
            }
            throw wrongType(key, v, "a string");
        }

        /** An integer; a per-layer array (some architectures vary it by layer) is not one, so null. */
        Integer integer(String key) {
            Object v = meta.get(key);
            if (v == null || v instanceof List) {
                return null;
            }
            if (v instanceof Long l && l >= 0 && l <= Integer.MAX_VALUE) {
                return l.intValue();
            }
            throw wrongType(key, v, "a non-negative 32-bit integer");
        }

        Double real(String key) {
            Object v = meta.get(key);
            if (v == null) {
                return null;
            }
            if (v instanceof Double d) {
                return d;
            }
            if (v instanceof Long l) {
                return l.doubleValue();
            }
            throw wrongType(key, v, "a number");
        }

        private ModelFormatException wrongType(String key, Object v, String expected) {
            return new ModelFormatException(container.file(), key + " should be " + expected + ", found " + v);
        }
    }
}
