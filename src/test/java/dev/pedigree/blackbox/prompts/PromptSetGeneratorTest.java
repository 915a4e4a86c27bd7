package dev.pedigree.blackbox.prompts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.error.BadInputException;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptSetGeneratorTest {
    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedDoesNot() {
        for (String name : PromptSetGenerator.names()) {
            byte[] first = PromptSetGenerator.toBytes(PromptSetGenerator.generate(name, 500, 7));
            byte[] again = PromptSetGenerator.toBytes(PromptSetGenerator.generate(name, 500, 7));
            byte[] other = PromptSetGenerator.toBytes(PromptSetGenerator.generate(name, 500, 8));
            assertArrayEquals(first, again, name);
            assertNotEquals(PromptSet.sha256(first), PromptSet.sha256(other), name);
        }
    }

    @Test
    void everySetMakesDistinctSingleLinePromptsWithinTheLengthLimit() {
        for (String name : PromptSetGenerator.names()) {
            List<String> prompts = PromptSetGenerator.generate(name, 2500, 11);
            assertEquals(2500, prompts.size(), name);
            assertEquals(2500, new HashSet<>(prompts).size(), name);
            for (String p : prompts) {
                assertTrue(p.length() <= PromptSetGenerator.MAX_PROMPT_LENGTH, p);
                assertTrue(!p.isBlank() && p.indexOf('\n') < 0 && p.indexOf('\r') < 0 && p.indexOf('\0') < 0, p);
            }
        }
    }

    @Test
    void aShorterSetIsAPrefixOfALongerOne() {
        List<String> longer = PromptSetGenerator.generate("code", 1000, 3);
        assertEquals(longer.subList(0, 200), PromptSetGenerator.generate("code", 200, 3));
    }

    @Test
    void articlesFollowTheNoun() {
        assertEquals("an engineer", PromptSource.withIndefiniteArticle("engineer"));
        assertEquals("a nurse", PromptSource.withIndefiniteArticle("nurse"));
        for (String p : PromptSetGenerator.generate("sentences-en", 3000, 1)) {
            assertTrue(!p.matches(".*\\ba [aeiou].*"), p);
        }
    }

    @Test
    void refusesUnknownSetsAndBadCounts() {
        BadInputException e = assertThrows(BadInputException.class, () -> PromptSetGenerator.generate("poems", 10, 1));
        assertTrue(e.getMessage().contains("sentences-en"), e.getMessage());
        assertThrows(BadInputException.class, () -> PromptSetGenerator.generate("code", 0, 1));
    }
}
