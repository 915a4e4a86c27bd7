package dev.pedigree.signals;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pedigree.bench.RandomPermutations;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinearAssignmentTest {

    @Test
    void findsTheOptimumOfSmallMatricesAsBruteForceDoes() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(5);
            int m = n + rnd.nextInt(3);
            double[] s = new double[n * m];
            for (int i = 0; i < s.length; i++) {
                s[i] = rnd.nextInt(7) - 3 + rnd.nextDouble();
            }
            int[] match = LinearAssignment.maximise(s, n, m);
            Set<Integer> used = new HashSet<>();
            double total = 0;
            for (int i = 0; i < n; i++) {
                assertEquals(true, used.add(match[i]), "columns are distinct");
                total += s[i * m + match[i]];
            }
            assertEquals(bruteForce(s, n, m, 0, new boolean[m]), total, 1e-9);
        }
    }

    @Test
    void recoversAPlantedPermutationUnderNoise() {
        Random rnd = new Random(3);
        int n = 300;
        int[] planted = RandomPermutations.uniform(n, rnd);
        double[] s = new double[n * n];
        for (int i = 0; i < s.length; i++) {
            s[i] = rnd.nextGaussian() * 0.1;
        }
        for (int i = 0; i < n; i++) {
            s[i * n + planted[i]] += 1;
        }
        assertArrayEquals(planted, LinearAssignment.maximise(s, n, n));
    }

    private static double bruteForce(double[] s, int n, int m, int row, boolean[] used) {
        if (row == n) {
            return 0;
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < m; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.max(best, s[row * m + j] + bruteForce(s, n, m, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }
}
