package dev.pedigree.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MatchAgreementTestTest {

    /**
     * With three agreeing units out of 50, the simulated p-value estimates P(K ≥ 3) for the fixed
     * points K of a uniform random permutation of 50: 1 - Σ_{k<3} (1/k!) Σ_{i≤50-k} (-1)^i / i! = 0.080301
     * (python: {@code 1-sum(sum((-1)**i/math.factorial(i) for i in range(51-k))/math.factorial(k) for k in range(3))}).
     */
    @Test
    void simulatedPValueEstimatesTheFixedPointTail() {
        int n = 50;
        int[] in = new int[n];
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            in[i] = i;
            out[i] = i < 3 ? i : (i - 3 + 1) % (n - 3) + 3;
        }
        MatchAgreementTest.Result r = MatchAgreementTest.test(in, out, n, 20_000, 11);
        assertEquals(3, r.agreement());
        assertEquals(50, r.compared());
        assertEquals(0.080301, r.pValue(), 0.006, "4 standard errors at N = 20000");
    }

    @Test
    void fullAgreementGivesTheSmallestPossiblePValue() {
        int[] ids = new int[30];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (7 * i) % 31;
        }
        MatchAgreementTest.Result r = MatchAgreementTest.test(ids, ids.clone(), 31, 999, 3);
        assertEquals(30, r.agreement());
        assertEquals(1.0 / 1000, r.pValue(), 1e-15);
    }

    @Test
    void relabellingModelBLeavesThePValueUnchanged() {
        int[] in = {0, 1, 2, 3, 4, 5, 6, 7};
        int[] out = {0, 2, 1, 3, 5, 4, 7, 6};
        int[] relabel = {5, 3, 7, 0, 1, 6, 2, 4};
        int[] in2 = new int[8];
        int[] out2 = new int[8];
        for (int i = 0; i < 8; i++) {
            in2[i] = relabel[in[i]];
            out2[i] = relabel[out[i]];
        }
        assertEquals(MatchAgreementTest.test(in, out, 8, 500, 9).pValue(), MatchAgreementTest.test(in2, out2, 8, 500, 9).pValue());
    }

    /** scipy: {@code combine_pvalues([0.01, 0.2, 0.5], method='fisher').pvalue} and {@code [1e-3]*18}. */
    @Test
    void fisherCombinationMatchesScipy() {
        assertEquals(0.03176629677613493, FisherCombination.combine(new double[] {0.01, 0.2, 0.5}), 1e-12);
        double[] many = new double[18];
        java.util.Arrays.fill(many, 1e-3);
        assertEquals(1.3198197914817129e-33, FisherCombination.combine(many), 1e-12 * 1.32e-33);
    }
}
