package dev.pedigree.report;

import dev.pedigree.model.lineage.DeclaredLineage;
import dev.pedigree.model.lineage.LineageClaim;
import java.util.List;

/**
 * What a model declares about its origin, as every report shows it: the base models, the relation, and
 * each claim with where it was read (card {@code base_model}, adapter config, GGUF {@code general.base_model.*}).
 *
 * @param read     whether the model's card, adapter config and metadata were read at all; a job that
 *                 works from a distance matrix never opens the models, and then nothing can be called
 *                 undeclared
 * @param relation null when none is declared
 */
public record DeclaredLineageSummary(boolean read, List<String> baseModels, String relation, List<LineageClaim> claims) {
    /** Read, and nothing declared. */
    public static final DeclaredLineageSummary NONE = new DeclaredLineageSummary(true, List.of(), null, List.of());
    /** Not read: what the model declares is unknown. */
    public static final DeclaredLineageSummary NOT_READ = new DeclaredLineageSummary(false, List.of(), null, List.of());

    public DeclaredLineageSummary {
        baseModels = List.copyOf(baseModels);
        claims = List.copyOf(claims);
    }

    public static DeclaredLineageSummary of(DeclaredLineage lineage) {
        return new DeclaredLineageSummary(true, lineage.baseModels(), lineage.relation().orElse(null), lineage.claims());
    }
}
