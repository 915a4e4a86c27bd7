package dev.pedigree.stats.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Expected values from numpy (statsmodels is not installed; this is multipletests(method='holm')'s formula):
 * <pre>
 * def holm(p):
 *     p=np.asarray(p,float); m=len(p); o=np.argsort(p,kind='stable')
 *     adj=np.minimum(1,np.maximum.accumulate((m-np.arange(m))*p[o])); out=np.empty(m); out[o]=adj; return out
 * </pre>
 */
class HolmCorrectionTest {
    @Test
    void stepDownIsMonotoneInSortedOrder() {
        // holm([0.01,0.04,0.03,0.005]) -> [0.03, 0.06, 0.06, 0.02]: 0.03·2 = 0.06 lifts 0.04·1
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02},
                HolmCorrection.adjust(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-15);
        // holm([0.04,0.03]) -> [0.06, 0.06]
        assertArrayEquals(new double[] {0.06, 0.06}, HolmCorrection.adjust(new double[] {0.04, 0.03}), 1e-15);
    }

    @Test
    void capsAtOne() {
        // holm([0.5,0.01,0.6,0.02,0.9]) -> [1, 0.05, 1, 0.08, 1]
        assertArrayEquals(new double[] {1, 0.05, 1, 0.08, 1},
                HolmCorrection.adjust(new double[] {0.5, 0.01, 0.6, 0.02, 0.9}), 1e-15);
    }

    @Test
    void tiesAndSingleValue() {
        // holm([0.2,0.2,0.2]) -> [0.6, 0.6, 0.6]
        assertArrayEquals(new double[] {0.6, 0.6, 0.6}, HolmCorrection.adjust(new double[] {0.2, 0.2, 0.2}), 1e-15);
        // holm([0.001]) -> [0.001]
        assertArrayEquals(new double[] {0.001}, HolmCorrection.adjust(new double[] {0.001}), 0);
        assertArrayEquals(new double[0], HolmCorrection.adjust(new double[0]));
    }

    @Test
    void refusesValuesOutsideTheUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> HolmCorrection.adjust(new double[] {0.1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> HolmCorrection.adjust(new double[] {1.5}));
    }
}
