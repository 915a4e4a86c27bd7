package dev.pedigree.blackbox.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LevenshteinTest {
    @Test
    void classicPairs() {
        assertEquals(3.0 / 7, Levenshtein.normalised("kitten", "sitting"), 1e-15);
        assertEquals(3.0 / 7, Levenshtein.normalised("sitting", "kitten"), 1e-15);
        assertEquals(1, Levenshtein.normalised("", "abc"), 0);
        assertEquals(0, Levenshtein.normalised("", ""), 0);
        assertEquals(0, Levenshtein.normalised("same", "same"), 0);
    }

    @Test
    void countsCodePointsNotUtf16Units() {
        // the emoji is one code point (two chars): one deletion out of three
        assertEquals(1.0 / 3, Levenshtein.normalised("a\uD83D\uDE00b", "ab"), 1e-15);
    }
}
