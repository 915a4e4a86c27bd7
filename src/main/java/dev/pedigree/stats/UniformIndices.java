package dev.pedigree.stats;

import java.util.SplittableRandom;

/**
 * Uniform indices in {@code [0, bound)} from a seeded {@link SplittableRandom}, without division on the
 * common path: Lemire's multiply-and-shift with rejection ("Fast random integer generation in an
 * interval", ACM TOMACS 2019). A 32-bit uniform {@code x} gives {@code ⌊x·bound / 2³²⌋}; the products
 * whose low word falls below {@code 2³² mod bound} are rejected, which leaves exactly
 * {@code ⌊2³²/bound⌋} accepted values per index — so every index is equally likely. Each 64-bit draw
 * supplies two 32-bit words.
 */
final class UniformIndices {
    private static final long LOW_WORD = 0xFFFF_FFFFL;

    private final SplittableRandom random;
    private long spare;
    private boolean hasSpare;

    UniformIndices(SplittableRandom random) {
        this.random = random;
    }

    /** A uniform index in {@code [0, bound)}, {@code 1 ≤ bound ≤ 2³¹−1}. */
    int next(int bound) {
        long product = nextWord() * bound;
        long low = product & LOW_WORD;
        if (low < bound) {
            long threshold = (1L << 32) % bound;
            while (low < threshold) {
                product = nextWord() * bound;
                low = product & LOW_WORD;
            }
        }
        return (int) (product >>> 32);
    }

    private long nextWord() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        long bits = random.nextLong();
        spare = bits >>> 32;
        hasSpare = true;
        return bits & LOW_WORD;
    }
}
