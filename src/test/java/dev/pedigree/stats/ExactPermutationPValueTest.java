package dev.pedigree.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Monte-Carlo p-value of one step against the exact permutation p-value, found by enumerating every
 * combination of within-prompt permutations: (3!)^4 = 1296 for 3 models × 4 prompts, (4!)^3 = 13824
 * for 4 models × 3 prompts. Each replicate draws one combination uniformly, so
 * {@code p_MC → P(T^π ≤ T)}; the test allows 4.5 binomial standard errors.
 */
class ExactPermutationPValueTest {
    private static final int REPLICATES = 200_000;

    @Test
    void threeModelsFourPromptsAgreeWithFullEnumeration() {
        SplittableRandom data = new SplittableRandom(11);
        for (int trial = 0; trial < 4; trial++) {
            double[][] rows = new double[3][4];
            for (double[] row : rows) {
                for (int t = 0; t < 4; t++) {
                    row[t] = data.nextDouble();
                }
            }
            rows[trial % 3][0] -= 0.3 * trial; // from no signal to a clear one
            checkAgainstEnumeration(rows, 1296, trial);
        }
    }

    @Test
    void fourModelsThreePromptsAgreeWithFullEnumeration() {
        double[][] rows = {
            {0.10, 0.40, 0.35},
            {0.50, 0.45, 0.60},
            {0.30, 0.90, 0.20},
            {0.70, 0.55, 0.65},
        };
        checkAgainstEnumeration(rows, 13824, 7);
    }

    @Test
    void pValueIsAMultipleOfOneOverRPlusOneAndNeverBelowIt() {
        double[][] rows = {{0.0, 0.1, 0.0, 0.05}, {1.0, 2.0, 3.0, 2.5}, {1.5, 2.2, 2.9, 2.0}};
        for (int r : new int[] {1, 9, 99, 1000}) {
            StepOutcome o = new MpsStep(r, 1).test(rows, new SplittableRandom(r));
            double units = o.pValue() * (r + 1);
            assertEquals(Math.rint(units), units, 1e-9, "p = " + o.pValue() + " for R = " + r);
            assertTrue(units >= 1 - 1e-9, "p = " + o.pValue() + " below 1/(R+1) for R = " + r);
            assertEquals(0, o.nearest(), "row 0 is nearest");
        }
    }

    private static void checkAgainstEnumeration(double[][] rows, int combinations, long seed) {
        double exact = exactPValue(rows, combinations);
        StepOutcome outcome = new MpsStep(REPLICATES, 2).test(rows, new SplittableRandom(seed));
        double se = Math.sqrt(exact * (1 - exact) / REPLICATES);
        assertEquals(exact, outcome.pValue(), 4.5 * se + 1.0 / REPLICATES,
                "exact " + exact + " vs Monte-Carlo " + outcome.pValue());
    }

    /** {@code #{π : T^π ≤ T} / #π} over every combination of per-prompt permutations of the centred columns. */
    static double exactPValue(double[][] rows, int expectedCombinations) {
        CentredPool pool = CentredPool.of(rows);
        int m = pool.models;
        int n = pool.prompts;
        double observed = min(pool.observedStatistics());
        List<int[]> perms = permutations(m);
        int total = 1;
        for (int t = 0; t < n; t++) {
            total *= perms.size();
        }
        assertEquals(expectedCombinations, total);
        int atMost = 0;
        int[] choice = new int[n];
        for (int combo = 0; combo < total; combo++) {
            int rest = combo;
            for (int t = 0; t < n; t++) {
                choice[t] = rest % perms.size();
                rest /= perms.size();
            }
            double[] sum = new double[m];
            double[] squares = new double[m];
            for (int t = 0; t < n; t++) {
                int[] p = perms.get(choice[t]);
                for (int i = 0; i < m; i++) {
                    double e = pool.columns[t * m + p[i]];
                    sum[i] += e;
                    squares[i] += e * e;
                }
            }
            double stat = Double.POSITIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                stat = Math.min(stat, pool.studentise(sum[i], squares[i]));
            }
            if (stat <= observed) {
                atMost++;
            }
        }
        return (double) atMost / total;
    }

    private static double min(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
        }
        return min;
    }

    private static List<int[]> permutations(int m) {
        List<int[]> out = new ArrayList<>();
        permute(new int[m], new boolean[m], 0, out);
        return out;
    }

    private static void permute(int[] current, boolean[] used, int depth, List<int[]> out) {
        if (depth == current.length) {
            out.add(current.clone());
            return;
        }
        for (int v = 0; v < current.length; v++) {
            if (!used[v]) {
                used[v] = true;
                current[depth] = v;
                permute(current, used, depth + 1, out);
                used[v] = false;
            }
        }
    }
}
