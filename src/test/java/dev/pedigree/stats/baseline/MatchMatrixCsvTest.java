package dev.pedigree.stats.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchMatrixCsvTest {
    @TempDir
    Path dir;

    private Path csv(String text) throws IOException {
        return Files.writeString(dir.resolve("m.csv"), text);
    }

    @Test
    void readsWithAndWithoutHeader() throws IOException {
        MatchMatrix withHeader = MatchMatrixCsv.read(csv("candidate,p1,p2,p3\nparent,1,1,0\nother,0,1,0\n\n"));
        assertEquals(List.of("parent", "other"), withHeader.candidates());
        assertEquals(3, withHeader.promptCount());
        assertEquals(2, withHeader.matchCount(0, 3));
        assertEquals(1, withHeader.matchCount(1, 3));
        MatchMatrix bare = MatchMatrixCsv.read(csv("parent, 1, 1, 0\r\nother,0,1,0\r\n"));
        assertEquals(List.of("parent", "other"), bare.candidates());
        assertEquals(2, bare.matchCount(0, 3));
    }

    @Test
    void refusesMalformedMatrices() throws IOException {
        BadInputException e = assertThrows(BadInputException.class, () -> MatchMatrixCsv.read(csv("a,1,0\nb,1,0.5\n")));
        assertTrue(e.getMessage().contains("line 2, column 3"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> MatchMatrixCsv.read(csv("a,1,0\nb,1\n")));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> MatchMatrixCsv.read(csv("a,1,0\na,1,1\n")));
        assertTrue(e.getMessage().contains("distinct"), e.getMessage());
        assertThrows(BadInputException.class, () -> MatchMatrixCsv.read(csv("candidate,p1\n")));
        assertThrows(BadInputException.class, () -> MatchMatrixCsv.read(csv("a\n")));
        assertThrows(BadInputException.class, () -> MatchMatrixCsv.read(dir.resolve("absent.csv")));
    }
}
