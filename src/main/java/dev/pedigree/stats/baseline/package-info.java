/**
 * The Nikolić et al. (2025) provenance test, shipped beside MPS as a baseline: per prompt, does the
 * target's greedy next token equal the candidate's; the best-matching candidate is compared with every
 * other by a one-sided two-proportion z-test (Fisher's exact test when a cell of the 2×2 table is
 * below 5), Holm–Bonferroni over those comparisons, and a parent is declared only when all of them are
 * significant. The input is a 0/1 {@link dev.pedigree.stats.baseline.MatchMatrix}; a
 * {@link dev.pedigree.stats.baseline.MatchMatrixBuilder} makes one from token ids.
 */
package dev.pedigree.stats.baseline;
