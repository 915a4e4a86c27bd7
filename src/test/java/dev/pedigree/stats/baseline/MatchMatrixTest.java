package dev.pedigree.stats.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.error.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchMatrixTest {
    @Test
    void builderDropsPromptsThatContainTheTargetToken() {
        MatchMatrixBuilder b = new MatchMatrixBuilder(List.of("a", "b"));
        assertTrue(b.add(7, new int[] {7, 3}, new int[] {1, 2, 3}));
        assertFalse(b.add(2, new int[] {2, 2}, new int[] {1, 2, 3})); // target copies token 2 from the prompt
        assertTrue(b.add(9, new int[] {9, 9}, new int[] {4, 5}));
        assertTrue(b.add(8, new int[] {1, 8}, new int[] {8 + 1}));
        assertEquals(1, b.excludedCount());
        MatchMatrix m = b.build();
        assertEquals(3, m.promptCount());
        assertEquals(2, m.matchCount(0, 3));
        assertEquals(2, m.matchCount(1, 3));
        assertEquals(1, m.matchCount(1, 2));
    }

    @Test
    void builderRefusesAWrongNumberOfCandidateTokens() {
        MatchMatrixBuilder b = new MatchMatrixBuilder(List.of("a", "b"));
        assertThrows(IllegalArgumentException.class, () -> b.add(1, new int[] {1}, new int[] {2}));
    }

    @Test
    void matrixRefusesRaggedRowsAndBadNames() {
        assertThrows(BadInputException.class, () -> new MatchMatrix(List.of("a", "b"), new boolean[][] {{true}, {true, false}}));
        assertThrows(BadInputException.class, () -> new MatchMatrix(List.of("a", "a"), new boolean[2][3]));
        assertThrows(BadInputException.class, () -> new MatchMatrix(List.of("a"), new boolean[2][3]));
        assertThrows(BadInputException.class, () -> new MatchMatrix(List.of(), new boolean[0][]));
    }

    @Test
    void matrixCopiesItsInput() {
        boolean[][] rows = {{true, false}, {false, false}};
        MatchMatrix m = new MatchMatrix(List.of("a", "b"), rows);
        rows[0][1] = true;
        assertEquals(1, m.matchCount(0, 2));
    }
}
