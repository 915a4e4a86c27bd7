/**
 * The provenance-set job end to end: query the target and the candidates on a prompt set
 * ({@code blackbox}), run the sequential set test on the distance matrix ({@code stats}), and set the
 * white-box weight comparison ({@code compare}) of every candidate whose weights can be read beside
 * it, so one report says what the behaviour and the weights each show and where they disagree.
 */
package dev.pedigree.provenance;
