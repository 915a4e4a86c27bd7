package dev.pedigree.model.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects a model's declared lineage from its card, its adapter config and its GGUF metadata. */
public final class DeclaredLineageReader {
    public static final String ADAPTER_ORIGIN = "adapter_config.json";
    public static final String GGUF_ORIGIN = "gguf metadata";
    private static final long MAX_TEXT = 16L << 20;

    private DeclaredLineageReader() {
    }

    /**
     * @param readme        the model card, or null
     * @param adapterConfig a PEFT adapter_config.json, or null
     * @param metadata      the weight container's metadata (GGUF keys are read from it)
     */
    public static DeclaredLineage read(Path readme, Path adapterConfig, Map<String, Object> metadata) {
        List<LineageClaim> claims = new ArrayList<>();
        if (readme != null) {
            claims.addAll(ModelCard.claims(text(readme)));
        }
        if (adapterConfig != null) {
            claims.addAll(adapterClaims(adapterConfig));
        }
        claims.addAll(ggufClaims(metadata));
        return new DeclaredLineage(claims);
    }

    /** {@code general.base_model.*}, {@code general.source.*} and {@code general.quantized_by}, in key order. */
    static List<LineageClaim> ggufClaims(Map<String, Object> metadata) {
        Map<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<String, Object> e : metadata.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("general.base_model.") || k.startsWith("general.source.") || k.equals("general.quantized_by")) {
                sorted.put(k, e.getValue());
            }
        }
        List<LineageClaim> claims = new ArrayList<>();
        sorted.forEach((k, v) -> claims.add(new LineageClaim(k, String.valueOf(v), GGUF_ORIGIN)));
        return claims;
    }

    private static List<LineageClaim> adapterClaims(Path adapterConfig) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text(adapterConfig));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadInputException(adapterConfig + ": not valid JSON (" + e.getOriginalMessage().replaceAll("\\s+", " ") + ")");
        }
        JsonNode base = root == null ? null : root.get("base_model_name_or_path");
        if (base == null || !base.isTextual() || base.asText().isBlank()) {
            return List.of();
        }
        return List.of(new LineageClaim(DeclaredLineage.BASE_MODEL, base.asText(), ADAPTER_ORIGIN));
    }

    private static String text(Path file) {
        try {
            if (Files.size(file) > MAX_TEXT) {
                throw new BadInputException(file + ": larger than " + (MAX_TEXT >> 20) + " MiB; not a model card or config");
            }
            return Files.readString(file);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }
}
