/**
 * The Model Provenance Set (MPS) engine of {@code shared/spec/mps.md}: the one-step test on a pool of
 * candidates (per-prompt centring, studentised mean distances, minimum statistic, within-prompt
 * permutation null with fresh studentisation), the sequential test-and-exclusion procedure with optional
 * reference models, monotone step p-values (the set for every level from one run) and NI-scores.
 *
 * <p>{@link dev.pedigree.stats.ProvenanceSetTest} is the configured, immutable entry point
 * ({@code withDefaults().withPermutations(R).withRandom(seed)}); {@link dev.pedigree.stats.PoolStep} is
 * the seam through which another null reuses the same sequential procedure: {@link
 * dev.pedigree.stats.BackgroundCalibratedStep} (calibrated against the pool's own robust background) and
 * {@link dev.pedigree.stats.PairwiseCalibratedStep} (calibrated against candidate-to-candidate distances,
 * {@link dev.pedigree.stats.PairwiseDistances}); {@link dev.pedigree.stats.ProvenanceMethod} names them and
 * {@link dev.pedigree.stats.SetComparison} explains, candidate by candidate, where the calibrated and the
 * paper-faithful sets differ.
 * Sub-package {@code baseline} holds the Nikolić et al. comparison test.
 */
package dev.pedigree.stats;
