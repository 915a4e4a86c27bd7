/**
 * Fingerprints: a compact, versioned, content-hashed record per model ({@link Fingerprint}), written
 * one JSON file per entry ({@link FingerprintCodec}), gathered in a directory ({@link FingerprintDatabase})
 * with a binary index of what the first scan pass needs ({@link DatabaseIndex}, a cache of the entries),
 * extracted from an opened model ({@link FingerprintExtractor}) or imported from MPK's catalogue
 * ({@link MpkCatalogueImport}), and searched by {@link FingerprintScan}: a fast pass over a fixed-length,
 * permutation-invariant {@link WeightSketch} plus hash matches, then {@link EntryComparison} on the short list.
 *
 * <p>Every call into the weight-signal code of {@code compare} goes through {@link CompareSignals}.
 */
package dev.pedigree.fingerprint;
