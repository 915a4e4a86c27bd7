package dev.pedigree.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DistanceSummaryTest {
    @Test
    void quantilesAreNumpysLinearInterpolation() {
        // numpy 1.26: x=[3,1,4,1,5,9,2,6,5,3.5]; np.quantile(x,[0.05,0.25,0.5,0.75,0.95]) -> [1.0, 2.25, 3.75, 5.0, 7.65]; np.mean(x) -> 3.95
        DistanceSummary s = DistanceSummary.of("m", new double[] {3, 1, 4, 1, 5, 9, 2, 6, 5, 3.5});
        assertEquals(10, s.count());
        assertEquals(1.0, s.min());
        assertEquals(1.0, s.p05(), 1e-12);
        assertEquals(2.25, s.q1(), 1e-12);
        assertEquals(3.75, s.median(), 1e-12);
        assertEquals(5.0, s.q3(), 1e-12);
        assertEquals(7.65, s.p95(), 1e-12);
        assertEquals(9.0, s.max());
        assertEquals(3.95, s.mean(), 1e-12);
    }

    @Test
    void oneValueIsEveryQuantileAndBadInputIsRefused() {
        DistanceSummary s = DistanceSummary.of("m", new double[] {0.5});
        assertEquals(0.5, s.p05());
        assertEquals(0.5, s.p95());
        assertThrows(IllegalArgumentException.class, () -> DistanceSummary.of("m", new double[0]));
        assertThrows(IllegalArgumentException.class, () -> DistanceSummary.of("m", new double[] {1, Double.NaN}));
    }
}
