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

    /**
     * The same test when the step needs to know which models of the whole matrix are active (a step that
     * calibrates against candidate-to-candidate distances does); the default ignores the indices.
     *
     * @param models the active models' row indices in the whole matrix, in pool order (parallel to rows)
     */
    default StepOutcome test(int[] models, double[][] rows, SplittableRandom random) {
        return test(rows, random);
    }

    /** Name of the method, as reports print it ({@code "mps"} for the paper's step). */
    String method();
}
