package dev.pedigree.stats;

import java.util.SplittableRandom;

/**
 * The paper's step on an active pool S (spec mps.md, "The test"): centre every prompt over S, studentise
 * each model's mean centred distance, take {@code T = min_i t_i} (ties: the lowest index), and compare
 * it with R replicates of the within-prompt permutation null, studentised afresh:
 * {@code p = (1 + #{r : T^(r) ≤ T}) / (R + 1)}.
 *
 * <p>The p-value is a multiple of {@code 1/(R+1)}: it can be no smaller than that, and a level α is
 * attained exactly only when {@code α·(R+1)} is an integer. Cost: O(R·|S|·N).
 */
public final class MpsStep implements PoolStep {
    private final int permutations;
    private final int threads;

    /**
     * @param permutations R ≥ 1
     * @param threads      worker threads for the replicates (the result does not depend on it)
     */
    public MpsStep(int permutations, int threads) {
        if (permutations < 1) {
            throw new IllegalArgumentException("permutations must be at least 1, got " + permutations);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.permutations = permutations;
        this.threads = threads;
    }

    /** The studentised mean centred distance {@code t_i} of every model of the pool (no resampling). */
    public static double[] statistics(double[][] rows) {
        checkPool(rows);
        return CentredPool.of(rows).observedStatistics();
    }

    @Override
    public StepOutcome test(double[][] rows, SplittableRandom random) {
        checkPool(rows);
        CentredPool pool = CentredPool.of(rows);
        double[] t = pool.observedStatistics();
        int nearest = 0;
        for (int i = 1; i < t.length; i++) {
            if (t[i] < t[nearest]) {
                nearest = i;
            }
        }
        long atMost = WithinPromptPermutationNull.countAtMost(pool, t[nearest], permutations, random, threads);
        return new StepOutcome(nearest, t[nearest], (1.0 + atMost) / (permutations + 1.0));
    }

    @Override
    public String method() {
        return "mps";
    }

    /** Refuses a pool of fewer than 2 models, fewer than 2 prompts, or rows of unequal length. */
    static void checkPool(double[][] rows) {
        if (rows.length < 2) {
            throw new IllegalArgumentException("a step needs at least 2 models, got " + rows.length);
        }
        int n = rows[0].length;
        if (n < 2) {
            throw new IllegalArgumentException("a step needs at least 2 prompts, got " + n);
        }
        for (double[] row : rows) {
            if (row.length != n) {
                throw new IllegalArgumentException("rows of unequal length: " + row.length + " and " + n);
            }
        }
    }
}
