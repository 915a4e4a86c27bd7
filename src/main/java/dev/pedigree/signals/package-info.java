/**
 * Weight signals: one class per signal. Ours are invariant to function-preserving re-orderings and
 * carry p-values; the {@code mpk} sub-package holds the MPK-compatible ones.
 */
package dev.pedigree.signals;
