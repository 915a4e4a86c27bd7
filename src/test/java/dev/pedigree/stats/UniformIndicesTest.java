package dev.pedigree.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The bounded indices behind every Fisher–Yates shuffle: in range, deterministic, uniform. */
class UniformIndicesTest {
    @Test
    void indicesAreUniformByChiSquare() {
        // critical values: python -c "from scipy.stats import chi2; print(chi2.ppf(0.999, 2), chi2.ppf(0.999, 6), chi2.ppf(0.999, 49))"
        assertUniform(3, 13.815510557964274);
        assertUniform(7, 22.457744484825323);
        assertUniform(50, 85.35056460859305);
    }

    @Test
    void sameStreamGivesTheSameIndices() {
        UniformIndices a = new UniformIndices(new SplittableRandom(4));
        UniformIndices b = new UniformIndices(new SplittableRandom(4));
        for (int i = 0; i < 1000; i++) {
            int bound = 1 + i % 97;
            assertEquals(a.next(bound), b.next(bound));
        }
    }

    private static void assertUniform(int bound, double critical) {
        UniformIndices indices = new UniformIndices(new SplittableRandom(bound));
        int draws = 10_000 * bound;
        long[] counts = new long[bound];
        for (int i = 0; i < draws; i++) {
            int k = indices.next(bound);
            assertTrue(k >= 0 && k < bound, "index " + k + " outside [0, " + bound + ")");
            counts[k]++;
        }
        double expected = (double) draws / bound;
        double chiSquare = 0;
        for (long c : counts) {
            chiSquare += (c - expected) * (c - expected) / expected;
        }
        assertTrue(chiSquare < critical, "chi-square " + chiSquare + " for bound " + bound);
    }
}
