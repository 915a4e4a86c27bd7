package dev.pedigree.stats.baseline;

import dev.pedigree.error.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The provenance test of Nikolić et al. (2025) on a {@link MatchMatrix}. The candidate with the highest
 * match rate (ties: lowest index) is compared with each of the other m−1 candidates by a one-sided
 * two-proportion z-test ({@link TwoProportionZTest}), or by Fisher's exact test
 * ({@link FisherExactTest}) when any cell of that comparison's 2×2 table is below 5, where the normal
 * approximation is poor. The m−1 p-values are Holm-adjusted ({@link HolmCorrection}) and the best
 * candidate is declared the parent only when every adjusted p-value is at most α — it must beat all
 * others, not just most. A pool of one candidate cannot be tested and is reported as such.
 *
 * <p>Because the best candidate is picked from the same data it is then tested on, the one-sided
 * comparisons are not at level α for small pools: with two unrelated candidates a parent is declared
 * with probability about 2α (measured 0.100 at α = 0.05; 0.031, 0.0095 and 0.0025 with 3, 5 and 10
 * candidates — see {@code NikolicNullRateTest}). That is the procedure as the spec states it, kept as it is.
 *
 * <p>Immutable: {@link #withDefaults()} (α = 0.05, at most 5000 prompts) then {@code with…} copies.
 */
public final class NikolicProvenanceTest {
    /** Below this count in any cell of the 2×2 table, Fisher's exact test replaces the z-test. */
    public static final int MIN_CELL_FOR_Z = 5;

    private static final NikolicProvenanceTest DEFAULTS = new NikolicProvenanceTest(0.05, 5000);

    private final double alpha;
    private final int maxPrompts;

    private NikolicProvenanceTest(double alpha, int maxPrompts) {
        this.alpha = alpha;
        this.maxPrompts = maxPrompts;
    }

    public static NikolicProvenanceTest withDefaults() {
        return DEFAULTS;
    }

    /** Family-wise significance level over the m−1 comparisons, in (0, 1). */
    public NikolicProvenanceTest withAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new BadInputException("alpha must lie in (0, 1), got " + alpha);
        }
        return new NikolicProvenanceTest(alpha, maxPrompts);
    }

    /** Only the first {@code maxPrompts} prompts of the matrix are used. */
    public NikolicProvenanceTest withMaxPrompts(int maxPrompts) {
        if (maxPrompts < 1) {
            throw new BadInputException("max prompts must be at least 1, got " + maxPrompts);
        }
        return new NikolicProvenanceTest(alpha, maxPrompts);
    }

    public double alpha() {
        return alpha;
    }

    public int maxPrompts() {
        return maxPrompts;
    }

    /** Which test produced a comparison's p-value. */
    public enum Method { Z_TEST, FISHER_EXACT }

    /** The outcome for the pool. */
    public enum Decision {
        /** The best candidate beat every other candidate after Holm correction. */
        PARENT,
        /** At least one comparison was not significant. */
        NO_PARENT,
        /** Fewer than two candidates: there is nothing to compare the best one with. */
        NOT_TESTABLE
    }

    /**
     * The best candidate against one other.
     *
     * @param statistic z for {@link Method#Z_TEST}; the sample odds ratio for {@link Method#FISHER_EXACT}
     *     (+∞ or NaN on degenerate tables, see {@link FisherExactTest#statistic})
     */
    public record Comparison(String candidate, int index, int matches, double matchRate, Method method,
            double statistic, double pValue, double holmPValue, boolean significant) {
    }

    /** The full outcome: the best candidate, every comparison, and the decision at {@code alpha}. */
    public record Result(String best, int bestIndex, int bestMatches, double bestMatchRate, int prompts,
            double alpha, List<Comparison> comparisons, Decision decision) {
        public Result {
            comparisons = List.copyOf(comparisons);
        }

        /** The declared parent, if any. */
        public Optional<String> parent() {
            return decision == Decision.PARENT ? Optional.of(best) : Optional.empty();
        }
    }

    /**
     * Runs the test on the first {@link #maxPrompts()} prompts of {@code matrix}.
     *
     * @throws BadInputException when the matrix has no prompts
     */
    public Result test(MatchMatrix matrix) {
        int n = Math.min(matrix.promptCount(), maxPrompts);
        if (n == 0) {
            throw new BadInputException("match matrix has no prompts (all excluded?)");
        }
        int m = matrix.candidateCount();
        int[] counts = new int[m];
        int best = 0;
        for (int i = 0; i < m; i++) {
            counts[i] = matrix.matchCount(i, n);
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        String bestName = matrix.candidates().get(best);
        double bestRate = (double) counts[best] / n;
        if (m < 2) {
            return new Result(bestName, best, counts[best], bestRate, n, alpha, List.of(), Decision.NOT_TESTABLE);
        }
        int[] others = new int[m - 1];
        double[] pValues = new double[m - 1];
        double[] statistics = new double[m - 1];
        Method[] methods = new Method[m - 1];
        for (int i = 0, k = 0; i < m; i++) {
            if (i == best) {
                continue;
            }
            others[k] = i;
            int xb = counts[best];
            int xi = counts[i];
            boolean smallCell = Math.min(Math.min(xb, n - xb), Math.min(xi, n - xi)) < MIN_CELL_FOR_Z;
            if (smallCell) {
                methods[k] = Method.FISHER_EXACT;
                statistics[k] = FisherExactTest.statistic(xb, n, xi, n);
                pValues[k] = FisherExactTest.pValue(xb, n, xi, n);
            } else {
                methods[k] = Method.Z_TEST;
                statistics[k] = TwoProportionZTest.statistic(xb, n, xi, n);
                pValues[k] = TwoProportionZTest.pValue(xb, n, xi, n);
            }
            k++;
        }
        double[] adjusted = HolmCorrection.adjust(pValues);
        List<Comparison> comparisons = new ArrayList<>(m - 1);
        boolean allSignificant = true;
        for (int k = 0; k < others.length; k++) {
            int i = others[k];
            boolean significant = adjusted[k] <= alpha;
            allSignificant &= significant;
            comparisons.add(new Comparison(matrix.candidates().get(i), i, counts[i], (double) counts[i] / n,
                    methods[k], statistics[k], pValues[k], adjusted[k], significant));
        }
        return new Result(bestName, best, counts[best], bestRate, n, alpha, comparisons,
                allSignificant ? Decision.PARENT : Decision.NO_PARENT);
    }
}
