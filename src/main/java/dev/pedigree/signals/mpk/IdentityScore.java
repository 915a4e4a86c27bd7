package dev.pedigree.signals.mpk;

import dev.pedigree.signals.Statistics;

/**
 * MPK's identity score (0.36·EAS + 0.08·NLF + 0.16·LEP + 0.19·END + 0.21·WVC over the signals that
 * are not NaN, weights renormalised) and its decision label, gated by the MFI tier.
 */
public final class IdentityScore {
    private static final double[] WEIGHTS = {0.36, 0.08, 0.16, 0.19, 0.21};

    private IdentityScore() {
    }

    public static double of(double eas, double nlf, double lep, double end, double wvc) {
        double[] s = {eas, nlf, lep, end, wvc};
        double total = 0;
        for (int i = 0; i < s.length; i++) {
            total += Double.isNaN(s[i]) ? 0 : WEIGHTS[i];
        }
        if (total < 1e-10) {
            return Double.NaN;
        }
        double score = 0;
        for (int i = 0; i < s.length; i++) {
            score += Double.isNaN(s[i]) ? 0 : WEIGHTS[i] / total * s[i];
        }
        return Statistics.round4(score);
    }

    /** MPK's decision: tier ≤ 2 is a "Confirmed Match" on metadata alone; otherwise by the identity score. */
    public static String label(MfiSimilarity mfi, double identity) {
        if (mfi.tier() <= 2) {
            return "Confirmed Match";
        }
        if (Double.isNaN(identity)) {
            return interpret(mfi.score()) + " (metadata only)";
        }
        return interpret(identity);
    }

    private static String interpret(double score) {
        if (Double.isNaN(score)) {
            return "Insufficient data";
        }
        return score > 0.75 ? "High-Confidence Match" : score > 0.65 ? "Weak Match" : "Not Matched";
    }
}
