/**
 * The provenance-set job end to end, so the command line only parses and renders. On queried models
 * ({@link dev.pedigree.provenance.ProvenanceRun}): query the target and the candidates on a prompt set
 * ({@code blackbox}), measure the candidates' distances to one another, run the sequential set test with
 * both nulls on the distance matrix ({@link dev.pedigree.provenance.ComparedSets}, {@code stats}), read each
 * local model's files once ({@code ModelFiles}): format, digest and declared lineage for the report, and the
 * white-box weight comparison ({@code compare}) of every candidate whose weights can be read, so one report
 * says what the cards declare, what the behaviour and the weights each show, and where they disagree. On a
 * precomputed matrix ({@link dev.pedigree.provenance.MatrixRun}) the same sets, without weights. The
 * calibrated set is the default headline, the paper-faithful set is always beside it, every candidate's
 * place in both is explained, and the calibrated background is summarised
 * ({@link dev.pedigree.provenance.CalibrationBackground}).
 */
package dev.pedigree.provenance;
