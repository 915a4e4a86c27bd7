package dev.pedigree.signals;

/**
 * One-to-one matching of the units (rows) of model A to those of model B that maximises the summed
 * similarity; the larger side is left partly unmatched.
 */
public final class UnitMatching {
    private UnitMatching() {
    }

    /**
     * @param sim row-major {@code nA × nB} similarities
     * @return for each unit of A its partner in B, or -1 when A has more units than B and it got none
     */
    public static int[] match(float[] sim, int nA, int nB) {
        if (nA <= nB) {
            double[] s = new double[sim.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = sim[i];
            }
            return LinearAssignment.maximise(s, nA, nB);
        }
        double[] t = new double[sim.length];
        for (int i = 0; i < nA; i++) {
            for (int j = 0; j < nB; j++) {
                t[j * nA + i] = sim[i * nB + j];
            }
        }
        int[] aOfB = LinearAssignment.maximise(t, nB, nA);
        int[] bOfA = new int[nA];
        java.util.Arrays.fill(bOfA, -1);
        for (int j = 0; j < nB; j++) {
            bOfA[aOfB[j]] = j;
        }
        return bOfA;
    }

    /** The similarities of the matched pairs. */
    public static double[] matchedValues(float[] sim, int nB, int[] bOfA) {
        int n = 0;
        for (int b : bOfA) {
            n += b >= 0 ? 1 : 0;
        }
        double[] out = new double[n];
        int k = 0;
        for (int i = 0; i < bOfA.length; i++) {
            if (bOfA[i] >= 0) {
                out[k++] = sim[i * nB + bOfA[i]];
            }
        }
        return out;
    }
}
