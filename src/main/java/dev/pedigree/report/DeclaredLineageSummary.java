package dev.pedigree.report;

import dev.pedigree.model.lineage.DeclaredLineage;
import dev.pedigree.model.lineage.LineageClaim;
import java.util.List;

/**
 * What a model declares about its origin, as every report shows it: the base models, the relation, and
 * each claim with where it was read (card {@code base_model}, adapter config, GGUF {@code general.base_model.*}).
 *
 * @param relation null when none is declared
 */
public record DeclaredLineageSummary(List<String> baseModels, String relation, List<LineageClaim> claims) {
    public static final DeclaredLineageSummary NONE = new DeclaredLineageSummary(List.of(), null, List.of());

    public DeclaredLineageSummary {
        baseModels = List.copyOf(baseModels);
        claims = List.copyOf(claims);
    }

    public static DeclaredLineageSummary of(DeclaredLineage lineage) {
        return new DeclaredLineageSummary(lineage.baseModels(), lineage.relation().orElse(null), lineage.claims());
    }
}
