package dev.pedigree.model.digest;

import java.util.List;

/**
 * A model's content digest and the per-file digests it was made from.
 *
 * @param sha256 hex SHA-256 over the concatenated raw 32-byte file digests, in {@code files} order
 * @param files  every file of the model in path order (see {@code ModelSource.files()})
 */
public record ModelDigest(String sha256, List<FileDigest> files) {
    public ModelDigest {
        files = List.copyOf(files);
    }

    /** One file's digest, named by its '/'-separated path relative to the model directory. */
    public record FileDigest(String path, long size, String sha256) {
    }
}
