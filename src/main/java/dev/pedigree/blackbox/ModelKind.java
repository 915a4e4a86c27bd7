package dev.pedigree.blackbox;

/** What a distance needs a model to do: continue text, or map text to a vector. */
public enum ModelKind {
    CAUSAL,
    ENCODER
}
