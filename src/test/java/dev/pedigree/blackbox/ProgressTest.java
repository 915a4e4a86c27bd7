package dev.pedigree.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void drawsCountsPercentAndEtaThenEndsTheLine() {
        StringWriter text = new StringWriter();
        Progress bar = new Progress("model generate", 40, new PrintWriter(text), true);
        bar.advance(10);
        bar.advance(30);
        String drawn = text.toString();
        assertTrue(drawn.startsWith("\rmodel generate ["), drawn);
        assertTrue(drawn.contains("10/40  25%"), drawn);
        assertTrue(drawn.contains("40/40 100%") && drawn.contains("ETA 0:00"), drawn);
        assertTrue(drawn.endsWith(System.lineSeparator()), drawn);
    }

    @Test
    void disabledBarWritesNothing() {
        StringWriter text = new StringWriter();
        Progress bar = new Progress("quiet", 5, new PrintWriter(text), false);
        bar.advance(5);
        assertEquals("", text.toString());
    }
}
