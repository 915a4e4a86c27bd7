package dev.pedigree.signals.mpk;

/**
 * numpy's legacy {@code RandomState}: the MT19937 generator seeded with {@code init_genrand}, and the
 * two draws MPK's EAS anchor back-fill depends on. MPK calls
 * {@code RandomState(42).choice(pool, size, replace=False)}, which numpy implements as
 * {@code pool[permutation(len(pool))[:size]]}; the permutation is a Fisher–Yates shuffle from the end
 * whose index draws use masked rejection sampling on 32-bit outputs ({@code random_interval}).
 * Reproducing those steps exactly is what makes our EAS anchors equal to MPK's.
 */
public final class NumpyLegacyRandom {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int index;

    /** {@code RandomState(seed)} for a seed in [0, 2^32). */
    public NumpyLegacyRandom(long seed) {
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("seed must be in [0, 2^32): " + seed);
        }
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    /** The next 32-bit output, as an unsigned value. */
    public long nextUint32() {
        if (index >= N) {
            regenerate();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    private void regenerate() {
        for (int k = 0; k < N; k++) {
            int y = (mt[k] & UPPER_MASK) | (mt[(k + 1) % N] & LOWER_MASK);
            mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        index = 0;
    }

    /** A uniform integer in [0, max] by numpy's masked rejection ({@code random_interval}). */
    long interval(long max) {
        if (max == 0) {
            return 0;
        }
        if (max > 0xffffffffL) {
            throw new IllegalArgumentException("ranges past 2^32 are not needed here: " + max);
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long value;
        do {
            value = nextUint32() & mask;
        } while (value > max);
        return value;
    }

    /** {@code permutation(n)}: a shuffled {@code arange(n)}. */
    public int[] permutation(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i >= 1; i--) {
            int j = (int) interval(i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** {@code choice(pool, size, replace=False)}. */
    public int[] choiceWithoutReplacement(int[] pool, int size) {
        if (size < 0 || size > pool.length) {
            throw new IllegalArgumentException("cannot take " + size + " of " + pool.length + " without replacement");
        }
        int[] order = permutation(pool.length);
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = pool[order[i]];
        }
        return out;
    }
}
