package dev.pedigree.blackbox;

/**
 * The head of a next-token distribution: token ids with their natural-log probabilities, most likely
 * first. The probability mass not listed is {@code 1 − Σ exp(logprob)}; {@code vocabularySize} says
 * over how many tokens it is spread (0 when unknown).
 */
public record TopTokens(int[] ids, float[] logprobs, int vocabularySize) {
    public TopTokens {
        if (ids.length != logprobs.length) {
            throw new IllegalArgumentException(ids.length + " ids but " + logprobs.length + " log-probabilities");
        }
    }

    /** The probability mass outside the listed tokens (never negative). */
    public double restMass() {
        double listed = 0;
        for (float lp : logprobs) {
            listed += Math.exp(lp);
        }
        return Math.max(0, 1 - listed);
    }
}
