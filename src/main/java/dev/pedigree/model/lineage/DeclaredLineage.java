package dev.pedigree.model.lineage;

import java.util.List;
import java.util.Optional;

/** Everything a model declares about its origin, in the order it was found. */
public record DeclaredLineage(List<LineageClaim> claims) {
    public static final String BASE_MODEL = "base_model";
    public static final String RELATION = "base_model_relation";

    private static final java.util.regex.Pattern GGUF_BASE_NAME = java.util.regex.Pattern.compile("general\\.base_model\\.\\d+\\.name");

    public static final DeclaredLineage NONE = new DeclaredLineage(List.of());

    public DeclaredLineage {
        claims = List.copyOf(claims);
    }

    public boolean isEmpty() {
        return claims.isEmpty();
    }

    /** The base models named by the model card, the adapter config, or GGUF {@code general.base_model.N.name}. */
    public List<String> baseModels() {
        return claims.stream().filter(DeclaredLineage::namesBase).map(LineageClaim::value).distinct().toList();
    }

    private static boolean namesBase(LineageClaim c) {
        return c.key().equals(BASE_MODEL) || GGUF_BASE_NAME.matcher(c.key()).matches();
    }

    /**
     * The declared relation: the card's {@code base_model_relation} when given, else {@code merge}
     * when the card (or a GGUF file) names two or more base models, else {@code adapter} for a PEFT
     * adapter config.
     */
    public Optional<String> relation() {
        Optional<String> declared = claims.stream().filter(c -> c.key().equals(RELATION)).map(LineageClaim::value).findFirst();
        if (declared.isPresent()) {
            return declared;
        }
        long cardBases = claims.stream().filter(c -> c.key().equals(BASE_MODEL) && c.origin().equals(ModelCard.ORIGIN)).count();
        long ggufBases = claims.stream().filter(c -> GGUF_BASE_NAME.matcher(c.key()).matches()).count();
        if (cardBases >= 2 || ggufBases >= 2) {
            return Optional.of("merge");
        }
        boolean adapter = claims.stream().anyMatch(c -> c.origin().equals(DeclaredLineageReader.ADAPTER_ORIGIN));
        return adapter ? Optional.of("adapter") : Optional.empty();
    }
}
