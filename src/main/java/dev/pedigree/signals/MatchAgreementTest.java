package dev.pedigree.signals;

import java.util.SplittableRandom;

/**
 * The per-layer independence test. Units of one layer (MLP neurons, attention rows) are matched
 * twice between the two models from disjoint weights: once by what they read (up/gate, q, v rows)
 * and once by what they feed (down/o columns, k rows). A function-preserving re-ordering moves both
 * sides of a unit together, so in related models the two matchings agree unit for unit. The
 * statistic is the number of agreeing units; its null distribution, under the hypothesis that the
 * second matching's labels in model B are exchangeable with respect to the first (which holds when B
 * was trained independently of A from an exchangeable random initialisation, as in Zhu et al.,
 * ICML 2025), is simulated by relabelling B's units with uniformly random permutations. The p-value
 * {@code (1 + #{simulated ≥ observed}) / (N + 1)} is exact for any N and cannot fall below
 * {@code 1/(N+1)}.
 */
public final class MatchAgreementTest {
    private MatchAgreementTest() {
    }

    /**
     * @param agreement units whose two matchings agree
     * @param compared  units matched on both sides
     */
    public record Result(int agreement, int compared, double pValue, int permutations) {
    }

    /**
     * @param inMatch  per unit of A its partner in B by the first weights, or -1
     * @param outMatch per unit of A its partner in B by the second weights, or -1
     * @param unitsB   number of units in B
     */
    public static Result test(int[] inMatch, int[] outMatch, int unitsB, int permutations, long seed) {
        // Name B's units by the A unit they are in-matched to (then by first use on the out side), so
        // the simulated relabellings, and so the p-value, do not depend on how B orders its units.
        int[] canon = new int[unitsB];
        java.util.Arrays.fill(canon, -1);
        for (int i = 0; i < inMatch.length; i++) {
            if (inMatch[i] >= 0) {
                canon[inMatch[i]] = i;
            }
        }
        int next = inMatch.length;
        for (int o : outMatch) {
            if (o >= 0 && canon[o] < 0) {
                canon[o] = next++;
            }
        }
        int[] in = new int[inMatch.length];
        int[] out = new int[outMatch.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = inMatch[i] >= 0 ? canon[inMatch[i]] : -1;
            out[i] = outMatch[i] >= 0 ? canon[outMatch[i]] : -1;
        }
        int labels = Math.max(unitsB, next);
        int observed = agreement(in, out, null);
        int compared = 0;
        for (int i = 0; i < inMatch.length; i++) {
            compared += inMatch[i] >= 0 && outMatch[i] >= 0 ? 1 : 0;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] tau = new int[labels];
        int atLeast = 0;
        for (int p = 0; p < permutations; p++) {
            for (int i = 0; i < labels; i++) {
                tau[i] = i;
            }
            for (int i = labels - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = tau[i];
                tau[i] = tau[j];
                tau[j] = t;
            }
            atLeast += agreement(in, out, tau) >= observed ? 1 : 0;
        }
        return new Result(observed, compared, (1.0 + atLeast) / (permutations + 1.0), permutations);
    }

    private static int agreement(int[] in, int[] out, int[] relabel) {
        int n = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] >= 0 && out[i] >= 0 && in[i] == (relabel == null ? out[i] : relabel[out[i]])) {
                n++;
            }
        }
        return n;
    }
}
