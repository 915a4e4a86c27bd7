/**
 * The content digest of a model, compatible with OpenSSF model signing's digest of digests: SHA-256
 * of each file, then SHA-256 over those raw digests in the files' sorted path order. Computed only
 * when asked, with per-file digests cached by (absolute path, size, modification time).
 */
package dev.pedigree.model.digest;
