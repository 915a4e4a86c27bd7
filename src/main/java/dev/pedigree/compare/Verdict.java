package dev.pedigree.compare;

/** The answer of {@code compare}; printed in lower case. */
public enum Verdict {
    RELATED,
    UNRELATED,
    INCONCLUSIVE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
