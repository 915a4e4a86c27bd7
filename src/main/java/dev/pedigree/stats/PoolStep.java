package dev.pedigree.stats;

import java.util.SplittableRandom;

/**
 * One step of the sequential test-and-exclusion procedure: tests the active pool and names the model
 * nearest the target. The paper's step is {@link MpsStep}; a step with another null (a calibrated
 * background) plugs into {@link ProvenanceSetTest} through this interface.
 */
public interface PoolStep {
    /**
     * @param rows   the distance rows of the active pool, in pool order (at least 2, equal lengths)
     * @param random the stream this step draws from; the caller derives it from the run's seed
     * @return the nearest model (index into {@code rows}), its statistic and p-value
     */
    StepOutcome test(double[][] rows, SplittableRandom random);

    /** Name of the method, as reports print it ({@code "mps"} for the paper's step). */
    String method();
}
