package dev.pedigree.stats;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The Model Provenance Set test (spec mps.md), configured immutably in the manner of commons-statistics:
 * <pre>{@code
 * ProvenanceSet set = ProvenanceSetTest.withDefaults()
 *         .withAlpha(0.05).withPermutations(1000).withRandom(1L)
 *         .test(matrix, List.of("some-reference"));
 * }</pre>
 *
 * <p>The p-values are resampled, so a test object runs only once it has been given both the number
 * of permutations R ({@link #withPermutations}) and the seed ({@link #withRandom}); {@link #test}
 * throws {@link IllegalStateException} otherwise. A step's p-value is a multiple of {@code 1/(R+1)},
 * never below it: with R = 1000 the smallest is about 0.001, so R must satisfy {@code 1/(R+1) ≤ α} for
 * the set to be able to hold anything at level α. The same seed, R and input give the same result bit
 * for bit, whatever the number of threads.
 */
public final class ProvenanceSetTest {
    /** Levels the sets are reported at unless {@link #withLevels} says otherwise. */
    public static final List<Double> DEFAULT_LEVELS = List.of(0.01, 0.05, 0.1);
    /** α of the headline set unless {@link #withAlpha} says otherwise. */
    public static final double DEFAULT_ALPHA = 0.05;

    private static final ProvenanceSetTest DEFAULTS = new ProvenanceSetTest(ProvenanceMethod.MPS, null, DEFAULT_ALPHA, DEFAULT_LEVELS,
            0, null, Runtime.getRuntime().availableProcessors());

    private final ProvenanceMethod method;
    private final PairwiseDistances pairwise;

    private final double alpha;
    private final List<Double> levels;
    private final int permutations;
    private final Long seed;
    private final int threads;

    private ProvenanceSetTest(ProvenanceMethod method, PairwiseDistances pairwise, double alpha, List<Double> levels,
            int permutations, Long seed, int threads) {
        this.method = method;
        this.pairwise = pairwise;
        this.alpha = alpha;
        this.levels = levels;
        this.permutations = permutations;
        this.seed = seed;
        this.threads = threads;
    }

    /** The paper's method, α = 0.05, levels {0.01, 0.05, 0.1}, all processors; no permutations and no seed yet. */
    public static ProvenanceSetTest withDefaults() {
        return DEFAULTS;
    }

    /**
     * The null every step tests: {@link ProvenanceMethod#MPS} (the paper's, the default of this API) or
     * {@link ProvenanceMethod#CALIBRATED}. R ({@link #withPermutations}) is the number of permutations
     * for the first and of background draws for the second.
     */
    public ProvenanceSetTest withMethod(ProvenanceMethod method) {
        return new ProvenanceSetTest(java.util.Objects.requireNonNull(method, "method"), pairwise, alpha, levels, permutations,
                seed, threads);
    }

    /**
     * Candidate-to-candidate distances for the calibrated method: every step then calibrates against them
     * ({@link PairwiseCalibratedStep}) instead of against the spread of the target's own row
     * ({@link BackgroundCalibratedStep}). They must cover every model of the matrix the test is run on,
     * reference models included. The paper's method ignores them.
     */
    public ProvenanceSetTest withPairwise(PairwiseDistances pairwise) {
        return new ProvenanceSetTest(method, java.util.Objects.requireNonNull(pairwise, "pairwise"), alpha, levels, permutations,
                seed, threads);
    }

    /** The level of the headline set, in (0, 1). */
    public ProvenanceSetTest withAlpha(double alpha) {
        checkLevel(alpha);
        return new ProvenanceSetTest(method, pairwise, alpha, levels, permutations, seed, threads);
    }

    /** The levels every result reports a set at (the run goes on to the largest of these and α). */
    public ProvenanceSetTest withLevels(Collection<Double> levels) {
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("at least one level is needed");
        }
        levels.forEach(ProvenanceSetTest::checkLevel);
        return new ProvenanceSetTest(method, pairwise, alpha, List.copyOf(new TreeSet<>(levels)), permutations, seed, threads);
    }

    /** R ≥ 1 permutation replicates per step: p-values are multiples of 1/(R+1). */
    public ProvenanceSetTest withPermutations(int permutations) {
        if (permutations < 1) {
            throw new IllegalArgumentException("permutations must be at least 1, got " + permutations);
        }
        return new ProvenanceSetTest(method, pairwise, alpha, levels, permutations, seed, threads);
    }

    /** The seed of the run's random stream (recorded in the result). */
    public ProvenanceSetTest withRandom(long seed) {
        return new ProvenanceSetTest(method, pairwise, alpha, levels, permutations, seed, threads);
    }

    /** Worker threads for the permutation replicates; the result does not depend on it. */
    public ProvenanceSetTest withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return new ProvenanceSetTest(method, pairwise, alpha, levels, permutations, seed, threads);
    }

    /** {@code t_i} of every row of the matrix, the statistic of the first step (no resampling). */
    public static double[] statistics(DistanceMatrix matrix) {
        return MpsStep.statistics(matrix.rows());
    }

    /**
     * Runs the sequential procedure on the matrix.
     *
     * @param references names of rows that are reference models: never in the set, always in the pool
     * @throws IllegalStateException    when R or the seed was not given
     * @throws IllegalArgumentException when a reference is not a row, or every row is a reference
     */
    public ProvenanceSet test(DistanceMatrix matrix, Collection<String> references) {
        if (permutations == 0) {
            throw new IllegalStateException("no permutation count: call withPermutations(R) before test");
        }
        if (seed == null) {
            throw new IllegalStateException("no random seed: call withRandom(seed) before test");
        }
        TreeSet<Double> all = new TreeSet<>(levels);
        all.add(alpha);
        PoolStep step = method == ProvenanceMethod.CALIBRATED && pairwise != null
                ? new PairwiseCalibratedStep(pairwise.alignedTo(matrix.names()), permutations)
                : method.step(permutations, threads);
        SequentialExclusion procedure = new SequentialExclusion(step, all.last(), seed);
        SequentialExclusion.Run run = procedure.run(matrix, references);
        List<String> candidates = matrix.names().stream().filter(n -> !references.contains(n)).toList();
        List<String> referenceNames = matrix.names().stream().filter(references::contains).toList();
        return new ProvenanceSet(step.method(), candidates, referenceNames, alpha, List.copyOf(all), permutations, seed,
                run.steps(), run.end());
    }

    private static void checkLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("a level must lie in (0, 1), got " + level);
        }
    }
}
