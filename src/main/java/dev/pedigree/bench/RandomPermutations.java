package dev.pedigree.bench;

import java.util.Random;

/** Seeded uniform permutations for the synthetic models and the function-preserving reorderings built from them. */
public final class RandomPermutations {
    private RandomPermutations() {
    }

    /** A uniform permutation of {@code 0..n-1} (Fisher–Yates from the end, so a seed gives one order). */
    public static int[] uniform(int n, Random r) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
