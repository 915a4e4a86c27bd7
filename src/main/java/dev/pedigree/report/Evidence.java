package dev.pedigree.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a lineage link comes from. */
public enum Evidence {
    /** The model says so (card, adapter config, GGUF metadata): a claim, not proof. */
    DECLARED,
    /** Weight signals (compare). */
    WEIGHTS,
    /** Behaviour on prompts (the provenance-set test). */
    BLACK_BOX,
    /** The fingerprint database (scan). */
    FINGERPRINT;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
