package dev.pedigree.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What one test said about a pair of models. */
public enum LinkVerdict {
    /** Evidence of a shared origin. */
    RELATED,
    /** Evidence against a shared origin (the weight verdict {@code unrelated}). */
    UNRELATED,
    /** Tested without significant evidence of a link (a candidate left out of the provenance set). */
    NOT_FOUND,
    /** Tested, no decision either way. */
    INCONCLUSIVE;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
