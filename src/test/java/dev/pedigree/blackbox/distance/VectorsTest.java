package dev.pedigree.blackbox.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VectorsTest {
    @Test
    void pearsonMatchesScipy() {
        // scipy: pearsonr([1,2,3,4,5.5],[2,1,4,3,7]).statistic
        assertEquals(0.8580868382401787, Vectors.pearson(new double[] {1, 2, 3, 4, 5.5}, new double[] {2, 1, 4, 3, 7}), 1e-14);
        assertEquals(0, Vectors.pearson(new double[] {1, 1, 1}, new double[] {1, 2, 3}), 0);
    }

    @Test
    void cosineIgnoresScale() {
        assertEquals(1, Vectors.cosine(new float[] {1, 2, 3}, new float[] {2, 4, 6}), 1e-12);
        assertEquals(0, Vectors.cosine(new float[] {1, 0}, new float[] {0, 5}), 1e-12);
        assertEquals(-1, Vectors.cosine(new float[] {1, -2}, new float[] {-3, 6}), 1e-12);
    }
}
