package dev.pedigree.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The sequential test-and-exclusion procedure of spec mps.md, for any {@link PoolStep}: start from every
 * model (candidates and reference models), test, and while the nearest model is a candidate with
 * {@code p ≤ α} move it into the set and test the rest again.
 *
 * <p>One run serves every level up to {@code maxLevel}: it goes on while {@code p ≤ maxLevel}, and the set
 * at any level α ≤ maxLevel is the prefix of steps whose monotone p-value is ≤ α — exactly the set a run
 * at α alone would return, because step k draws from the k-th split of the seed's stream whatever the
 * level.
 */
public final class SequentialExclusion {
    private final PoolStep step;
    private final double maxLevel;
    private final long seed;

    /**
     * @param step     the one-step test
     * @param maxLevel the largest level any set will be read at, in (0, 1)
     * @param seed     the seed of the run's random stream
     */
    public SequentialExclusion(PoolStep step, double maxLevel, long seed) {
        if (!(maxLevel > 0 && maxLevel < 1)) {
            throw new IllegalArgumentException("level must lie in (0, 1), got " + maxLevel);
        }
        this.step = step;
        this.maxLevel = maxLevel;
        this.seed = seed;
    }

    /** The steps of the run and why it ended. */
    public record Run(List<ExclusionStep> steps, StopReason end) {
    }

    /**
     * @param matrix     distances of every model of the pool to the target
     * @param references names of the rows that are reference models (known unrelated to the target)
     */
    public Run run(DistanceMatrix matrix, Collection<String> references) {
        boolean[] reference = new boolean[matrix.models()];
        for (String name : references) {
            int i = matrix.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("reference model " + name + " is not a row of the matrix");
            }
            reference[i] = true;
        }
        List<Integer> active = new ArrayList<>();
        int candidates = 0;
        for (int i = 0; i < matrix.models(); i++) {
            active.add(i);
            if (!reference[i]) {
                candidates++;
            }
        }
        if (candidates == 0) {
            throw new IllegalArgumentException("every model is a reference model: nothing to test");
        }
        SplittableRandom root = new SplittableRandom(seed);
        List<ExclusionStep> steps = new ArrayList<>();
        double monotone = 0;
        while (candidates >= 1 && active.size() >= 2) {
            double[][] rows = new double[active.size()][];
            int[] models = new int[active.size()];
            for (int k = 0; k < rows.length; k++) {
                models[k] = active.get(k);
                rows[k] = matrix.rows()[models[k]];
            }
            StepOutcome outcome = step.test(models, rows, root.split());
            int nearest = active.get(outcome.nearest());
            monotone = Math.max(monotone, outcome.pValue());
            steps.add(new ExclusionStep(steps.size() + 1, matrix.names().get(nearest), reference[nearest],
                    active.size(), outcome.statistic(), outcome.pValue(), monotone));
            if (reference[nearest]) {
                return new Run(steps, StopReason.NEAREST_IS_REFERENCE);
            }
            if (outcome.pValue() > maxLevel) {
                return new Run(steps, StopReason.NOT_SIGNIFICANT);
            }
            active.remove(outcome.nearest());
            candidates--;
        }
        return new Run(steps, candidates == 0 ? StopReason.ALL_CANDIDATES_IN_SET : StopReason.POOL_REDUCED_TO_ONE_MODEL);
    }
}
