package dev.pedigree.stats.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Expected values from scipy 1.x:
 * {@code scipy.stats.fisher_exact([[x1,n1-x1],[x2,n2-x2]], alternative='greater')} → (odds ratio, p).
 */
class FisherExactTestTest {
    private static void check(long x1, long n1, long x2, long n2, double oddsRatio, double p) {
        assertEquals(oddsRatio, FisherExactTest.statistic(x1, n1, x2, n2), 1e-12 * Math.abs(oddsRatio));
        assertEquals(p, FisherExactTest.pValue(x1, n1, x2, n2), 1e-12 * p);
    }

    @Test
    void matchesScipyOnSmallTables() {
        // fisher_exact([[5,5],[1,9]], alternative='greater')
        check(5, 10, 1, 10, 9, 0.070433436532507734);
        // fisher_exact([[12,88],[3,97]], alternative='greater')
        check(12, 100, 3, 100, 4.4090909090909092, 0.014335657486588547);
        // fisher_exact([[2,28],[2,28]], alternative='greater'): equal proportions
        check(2, 30, 2, 30, 1, 0.69402319357716324);
        // fisher_exact([[1,9],[3,7]], alternative='greater'): wrong direction
        check(1, 10, 3, 10, 0.25925925925925924, 0.95665634674922595);
    }

    @Test
    void matchesScipyWithZeroCells() {
        // fisher_exact([[3,17],[0,20]], alternative='greater') -> (inf, 0.1153846153846154)
        check(3, 20, 0, 20, Double.POSITIVE_INFINITY, 0.1153846153846154);
        // fisher_exact([[4,0],[0,4]], alternative='greater') -> (inf, 0.014285714285714284)
        check(4, 4, 0, 4, Double.POSITIVE_INFINITY, 0.014285714285714284);
        // fisher_exact([[4,4996],[0,5000]], alternative='greater') -> (inf, 0.062462498125375222)
        check(4, 5000, 0, 5000, Double.POSITIVE_INFINITY, 0.062462498125375222);
    }

    @Test
    void allZeroTableHasNoInformation() {
        // fisher_exact([[0,10],[0,10]], alternative='greater') -> (nan, 1.0)
        assertTrue(Double.isNaN(FisherExactTest.statistic(0, 10, 0, 10)));
        assertEquals(1, FisherExactTest.pValue(0, 10, 0, 10));
    }

    @Test
    void oneSidedTailsOverlapInTheObservedTable() {
        // P(X >= a) + P(X <= a) = 1 + P(X = a): the two directions share only the observed cell
        double greater = FisherExactTest.pValue(5, 10, 1, 10);
        double less = FisherExactTest.pValue(1, 10, 5, 10);
        assertTrue(greater + less > 1);
        assertTrue(greater + less < 2);
    }
}
