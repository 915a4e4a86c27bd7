package dev.pedigree.stats;

/**
 * One step of a run of the sequential procedure, in order.
 *
 * @param number         1 for the first step
 * @param model          the model nearest the target in this step's pool
 * @param reference      whether that model is a reference model (the run stops there)
 * @param poolSize       |S| at this step, reference models included
 * @param statistic      the step's statistic T
 * @param pValue         the step's p-value
 * @param monotonePValue {@code p̂_k = max_{j≤k} p_j}; the set at level α is the prefix with p̂ ≤ α
 */
public record ExclusionStep(int number, String model, boolean reference, int poolSize, double statistic,
        double pValue, double monotonePValue) {
}
