/**
 * Experiment runners whose results are committed under {@code experiments/}. The coverage simulation
 * ({@link dev.pedigree.experiments.CoverageSimulation}) draws pools from
 * {@code L[i][t] = b_t + μ_i + σ_i·ε_{i,t}}, runs the MPS test on each, and summarises coverage, set
 * size and null rejection rates per cell, as CSV and an SVG figure.
 */
package dev.pedigree.experiments;
