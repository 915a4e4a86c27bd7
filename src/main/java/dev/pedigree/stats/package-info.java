/**
 * The Model Provenance Set (MPS) engine of {@code shared/spec/mps.md}: the one-step test on a pool of
 * candidates (per-prompt centring, studentised mean distances, minimum statistic, within-prompt
 * permutation null with fresh studentisation), the sequential test-and-exclusion procedure with optional
 * reference models, monotone step p-values (the set for every level from one run) and NI-scores.
 *
 * <p>{@link dev.pedigree.stats.ProvenanceSetTest} is the configured, immutable entry point
 * ({@code withDefaults().withPermutations(R).withRandom(seed)}); {@link dev.pedigree.stats.PoolStep} is
 * the seam through which another null (a calibrated one) reuses the same sequential procedure.
 * Sub-package {@code baseline} holds the Nikolić et al. comparison test.
 */
package dev.pedigree.stats;
