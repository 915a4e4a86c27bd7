/**
 * The white-box {@code compare} pipeline: MPK-compatible signals beside our alignment-aware ones,
 * and a verdict ({@code related | unrelated | inconclusive}) decided by the weights alone with a
 * p-value from an explicit null.
 */
package dev.pedigree.compare;
