package dev.pedigree.report;

/**
 * A model a report speaks about.
 *
 * @param name     the MODEL argument as given (the name every other section uses)
 * @param role     {@code target}, {@code candidate}, {@code reference}, {@code a}, {@code b} or {@code model}
 * @param format   {@code safetensors}, {@code gguf}, {@code onnx}, {@code server}, or null when not opened
 * @param digest   hex SHA-256 content digest (digest of the per-file digests), or null when not computed
 * @param declared what the model declares about its origin; null means it was not read
 */
public record Subject(String name, String role, String format, String digest, DeclaredLineageSummary declared) {
    public Subject {
        declared = declared == null ? DeclaredLineageSummary.NOT_READ : declared;
    }
}
