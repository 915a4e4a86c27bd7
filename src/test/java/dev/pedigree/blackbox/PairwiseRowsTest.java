package dev.pedigree.blackbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pedigree.stats.PairwiseDistances;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prompt-by-prompt candidate distances averaged over a prefix of the prompts. */
class PairwiseRowsTest {
    private static final PairwiseRows ROWS = new PairwiseRows(List.of("a", "b", "c"), new double[][][] {
            {null, {0.1, 0.3, 0.8}, {0.5, 0.5, 0.2}},
            {{0.2, 0.2, 0.5}, null, {0.9, 0.7, 0.2}},
            {{0.4, 0.6, 0.2}, {1.0, 0.0, 0.5}, null}});

    @Test
    void meansOverThePrefixOnly() {
        PairwiseDistances first2 = ROWS.meansOver(2);
        assertEquals(List.of("a", "b", "c"), first2.names());
        assertArrayEquals(new double[] {0, 0.2, 0.5}, first2.mean()[0], 1e-12);
        assertArrayEquals(new double[] {0.2, 0, 0.8}, first2.mean()[1], 1e-12);
        assertArrayEquals(new double[] {0.5, 0.5, 0}, first2.mean()[2], 1e-12);
        assertArrayEquals(new double[] {0, 0.4, 0.4}, ROWS.meansOver(3).mean()[0], 1e-12);
        assertEquals(3, ROWS.prompts());
    }

    @Test
    void refusesMorePromptsThanMeasured() {
        assertThrows(IllegalArgumentException.class, () -> ROWS.meansOver(4));
        assertThrows(IllegalArgumentException.class, () -> ROWS.meansOver(0));
    }
}
