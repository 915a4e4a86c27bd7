package dev.pedigree.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The exact binomial intervals against scipy. */
class CellSummaryTest {
    @Test
    void clopperPearsonMatchesScipy() {
        // python -c "from scipy.stats import binomtest; print(binomtest(7,50).proportion_ci(0.95,'exact'))"
        CellSummary.Rate r = CellSummary.Rate.of(7, 50);
        assertEquals(0.05819170033997344, r.low(), 1e-9);
        assertEquals(0.26739600249700846, r.high(), 1e-9);
        // binomtest(0,20).proportion_ci(0.95,'exact') -> (0.0, 0.16843347098308548)
        CellSummary.Rate zero = CellSummary.Rate.of(0, 20);
        assertEquals(0.0, zero.low());
        assertEquals(0.16843347098308548, zero.high(), 1e-9);
        // binomtest(960,1000).proportion_ci(0.95,'exact') -> (0.9459273031806315, 0.9712723747141092)
        CellSummary.Rate high = CellSummary.Rate.of(960, 1000);
        assertEquals(0.9459273031806315, high.low(), 1e-9);
        assertEquals(0.9712723747141092, high.high(), 1e-9);
        assertEquals(0.96, high.value());
    }
}
