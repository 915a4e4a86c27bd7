package dev.pedigree.model.open;

import dev.pedigree.model.lineage.DeclaredLineage;

/**
 * What a model's own files say about it, as reports show it beside what the tests found: its format,
 * content digest and declared lineage. A model behind an API has no files to read; a model whose files
 * could not be opened is described by its spec alone.
 *
 * @param spec     the MODEL argument as given (a path, {@code hf:…}, {@code maven:…}, a server URL)
 * @param format   the weight format's label, {@value #SERVER} for a model behind an API, or null when its
 *                 files could not be opened
 * @param digest   hex SHA-256 content digest (digest of the per-file digests), or null when not computed
 * @param declared what the model declares about its origin, or null when it was not read
 */
public record ModelDescription(String spec, String format, String digest, DeclaredLineage declared) {
    /** The format of a model answering over HTTP: it has no weights to read, so no digest and no declared lineage. */
    public static final String SERVER = "server";

    public static ModelDescription server(String spec) {
        return new ModelDescription(spec, SERVER, null, null);
    }

    /** A local model whose files could not be opened: nothing is known of them. */
    public static ModelDescription unreadable(String spec) {
        return new ModelDescription(spec, null, null, null);
    }
}
