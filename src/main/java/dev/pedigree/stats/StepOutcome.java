package dev.pedigree.stats;

/**
 * What one step found on its active pool.
 *
 * @param nearest   index (into the step's rows) of the model with the smallest statistic
 * @param statistic the observed statistic {@code T} (for MPS: the minimum studentised mean centred distance)
 * @param pValue    the step's p-value, in (0, 1]
 */
public record StepOutcome(int nearest, double statistic, double pValue) {
}
