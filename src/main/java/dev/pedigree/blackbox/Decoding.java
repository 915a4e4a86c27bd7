package dev.pedigree.blackbox;

import dev.pedigree.error.BadInputException;

/**
 * Greedy decoding settings: {@code newTokens} tokens are generated (K in the spec); {@code topTokens}
 * entries of each next-token distribution are kept (the rest is kept as one total), so memory grows
 * with it rather than with the vocabulary.
 */
public record Decoding(int newTokens, int topTokens) {
    public static final Decoding DEFAULT = new Decoding(16, 64);

    public Decoding {
        if (newTokens < 1 || newTokens > 4096) {
            throw new BadInputException("new tokens must be between 1 and 4096, not " + newTokens);
        }
        if (topTokens < 1 || topTokens > 1 << 20) {
            throw new BadInputException("top tokens must be between 1 and 1048576, not " + topTokens);
        }
    }

    /** The part of the cache key these settings decide. */
    public String cacheKey() {
        return "greedy;k=" + newTokens + ";top=" + topTokens;
    }
}
