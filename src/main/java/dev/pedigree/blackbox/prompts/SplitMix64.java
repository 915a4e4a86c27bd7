package dev.pedigree.blackbox.prompts;

import java.util.List;

/**
 * The SplitMix64 generator, written out here rather than taken from {@link java.util.SplittableRandom}
 * because the shipped prompt files are committed with their hashes: the bytes must not depend on how a
 * JDK release happens to implement bounded draws.
 */
final class SplitMix64 {
    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound), by rejection so no value is favoured. */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long u = nextLong() >>> 1;
        long r = u % bound;
        while (u - r + (bound - 1) < 0) {
            u = nextLong() >>> 1;
            r = u % bound;
        }
        return (int) r;
    }

    /** Uniform in [low, high], both included. */
    int between(int low, int high) {
        return low + nextInt(high - low + 1);
    }

    <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }
}
