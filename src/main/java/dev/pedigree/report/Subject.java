package dev.pedigree.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A model a report speaks about.
 *
 * @param name     the name every other section uses: the MODEL argument as given, or the shorter name a job
 *                 knows the model by ({@code set} names queried models as their backend does: the folder or
 *                 file name, a server's model id)
 * @param role     {@code target}, {@code candidate}, {@code reference}, {@code a}, {@code b} or {@code model}
 * @param format   {@code safetensors}, {@code gguf}, {@code onnx}, {@code server}, or null when not opened
 * @param digest   hex SHA-256 content digest (digest of the per-file digests), or null when not computed
 * @param declared what the model declares about its origin; null means it was not read
 * @param spec     the MODEL argument the model was given as (a path, URL, {@code hf:} or {@code maven:} spec);
 *                 null when it had none (matrix rows, database entries) or the job did not record it apart
 *                 from the name; added to schema version 1 and omitted when null, so reports without it keep
 *                 their bytes
 */
public record Subject(String name, String role, String format, String digest, DeclaredLineageSummary declared,
        @JsonInclude(JsonInclude.Include.NON_NULL) String spec) {
    public Subject {
        declared = declared == null ? DeclaredLineageSummary.NOT_READ : declared;
    }

    /** A subject without a spec of its own. */
    public Subject(String name, String role, String format, String digest, DeclaredLineageSummary declared) {
        this(name, role, format, digest, declared, null);
    }
}
