package dev.pedigree.model.gguf;

import dev.pedigree.model.TensorContainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a GGUF file claims about where it came from (a claim, to be reported beside what the
 * weights show), as written by llama.cpp's converter and quantiser:
 * <ul>
 *   <li>{@code baseModels}: one map per {@code general.base_model.N.*} for N below
 *       {@code general.base_model.count}, keyed by the part after {@code N.}: {@code name},
 *       {@code organization}, {@code version}, {@code repo_url}, {@code author}, {@code doi}, ...;
 *   <li>{@code source}: {@code general.source.*} keyed by the part after {@code source.}:
 *       {@code url}, {@code repo_url}, {@code huggingface.repository}, {@code doi}, {@code uuid};
 *   <li>{@code quantizedBy}: {@code general.quantized_by}, or null.
 * </ul>
 * All values are rendered as strings.
 */
public record GgufDeclaredLineage(List<Map<String, String>> baseModels, Map<String, String> source, String quantizedBy) {
    private static final String BASE = "general.base_model.";
    private static final String SOURCE = "general.source.";

    public GgufDeclaredLineage {
        baseModels = baseModels.stream().map(m -> java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m))).toList();
        source = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(source));
    }

    public static GgufDeclaredLineage from(TensorContainer container) {
        Map<String, Object> meta = container.metadata();
        int count = meta.get(BASE + "count") instanceof Long c ? (int) Math.max(0, Math.min(c, 1024)) : 0;
        List<Map<String, String>> bases = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            bases.add(withPrefix(meta, BASE + n + "."));
        }
        Object quantizedBy = meta.get("general.quantized_by");
        return new GgufDeclaredLineage(bases, withPrefix(meta, SOURCE), quantizedBy == null ? null : quantizedBy.toString());
    }

    /** True when the file declares nothing about its origin. */
    public boolean isEmpty() {
        return baseModels.isEmpty() && source.isEmpty() && quantizedBy == null;
    }

    private static Map<String, String> withPrefix(Map<String, Object> meta, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : meta.entrySet()) {
            if (e.getKey().startsWith(prefix) && !(e.getValue() instanceof List)) {
                out.put(e.getKey().substring(prefix.length()), e.getValue().toString());
            }
        }
        return out;
    }
}
