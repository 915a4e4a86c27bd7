package dev.pedigree.stats.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Expected values from numpy/scipy 1.x (statsmodels is not installed, so z is the pooled formula):
 * <pre>
 * def z(x1,n1,x2,n2):
 *     p1,p2=x1/n1,x2/n2; pp=(x1+x2)/(n1+n2); se=np.sqrt(pp*(1-pp)*(1/n1+1/n2))
 *     zz=(p1-p2)/se; return zz, scipy.stats.norm.sf(zz)
 * </pre>
 */
class TwoProportionZTestTest {
    private static void check(long x1, long n1, long x2, long n2, double z, double p) {
        assertEquals(z, TwoProportionZTest.statistic(x1, n1, x2, n2), 1e-12 * Math.max(1, Math.abs(z)));
        assertEquals(p, TwoProportionZTest.pValue(x1, n1, x2, n2), 1e-10 * p);
    }

    @Test
    void matchesScipyOnTypicalCounts() {
        // z(60,100,45,100)
        check(60, 100, 45, 100, 2.1239769762143657, 0.016836034428172927);
        // z(420,1000,380,1000)
        check(420, 1000, 380, 1000, 1.8257418583505527, 0.033944577430914585);
        // z(2600,5000,2400,5000)
        check(2600, 5000, 2400, 5000, 4.0000000000000036, 3.1671241833119382e-05);
    }

    @Test
    void matchesScipyInTheFarTailAndWithUnequalSizes() {
        // z(700,5000,500,5000)
        check(700, 5000, 500, 5000, 6.1545745489666377, 3.7639653756086467e-10);
        // z(15,40,25,60): unequal n
        check(15, 40, 25, 60, -0.41666666666666685, 0.66153888048931042);
        // z(10,100,30,100): wrong direction, p near 1
        check(10, 100, 30, 100, -3.5355339059327369, 0.9997965239912775);
    }

    @Test
    void equalProportionsGiveZeroAndOneHalf() {
        // z(30,50,30,50) -> (0, 0.5)
        check(30, 50, 30, 50, 0, 0.5);
    }

    @Test
    void allZeroOrAllOneCarriesNoEvidence() {
        assertEquals(0, TwoProportionZTest.statistic(0, 20, 0, 30));
        assertEquals(1, TwoProportionZTest.pValue(0, 20, 0, 30));
        assertEquals(1, TwoProportionZTest.pValue(20, 20, 30, 30));
    }

    @Test
    void swappingTheSamplesNegatesZ() {
        double z = TwoProportionZTest.statistic(37, 90, 22, 80);
        assertEquals(-z, TwoProportionZTest.statistic(22, 80, 37, 90), 1e-15);
        assertEquals(1, TwoProportionZTest.pValue(37, 90, 22, 80) + TwoProportionZTest.pValue(22, 80, 37, 90), 1e-15);
    }

    @Test
    void refusesImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> TwoProportionZTest.pValue(11, 10, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> TwoProportionZTest.pValue(1, 0, 1, 10));
    }
}
