/**
 * Benchmarks run by {@code pedigree bench}: warm-up, then timed repetitions, figures printed with the
 * machine facts. Their numbers go into the README beside the command that produced them.
 */
package dev.pedigree.bench;
