package dev.pedigree.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MessageTextTest {
    @Test
    void escapesControlCharactersAndCutsLongText() {
        assertEquals("'a\\u000ab\\u0000'", MessageText.quoted("a\nb\0"));
        assertEquals("x".repeat(200) + "...", MessageText.oneLine("x".repeat(201)));
        assertEquals("x".repeat(200), MessageText.oneLine("x".repeat(200)));
        assertEquals("", MessageText.oneLine(null));
        assertEquals("model.layers.0.q_proj.weight (ünïcode)", MessageText.oneLine("model.layers.0.q_proj.weight (ünïcode)"));
    }
}
