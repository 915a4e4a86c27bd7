package dev.pedigree.model.source;

/** How a MODEL argument was given. */
public enum SourceKind {
    DIRECTORY("directory"),
    FILE("file"),
    HF_CACHE("hf cache"),
    MAVEN("maven jar");

    private final String label;

    SourceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
