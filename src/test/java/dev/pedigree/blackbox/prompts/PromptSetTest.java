package dev.pedigree.blackbox.prompts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.error.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptSetTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void loadsPromptsNameAndHash() throws IOException {
        // printf 'a\nb\n' | sha256sum
        PromptSet set = PromptSet.load(write("mine.txt", "a\nb\n"));
        assertEquals("mine", set.name());
        assertEquals(List.of("a", "b"), set.prompts());
        assertEquals("911169ddaaf146aff539f58c26c489af3b892dff0fe283c1c264c65ae5aa59a2", set.sha256());
    }

    @Test
    void acceptsCrlfBomBlankLinesAndNonAscii() throws IOException {
        PromptSet set = PromptSet.load(write("u.prompts.txt", "\uFEFFCafé crème\r\n\r\n  indented line\r\n日本語の文\n"));
        assertEquals("u.prompts", set.name());
        assertEquals(List.of("Café crème", "  indented line", "日本語の文"), set.prompts());
    }

    @Test
    void hashCoversTheFileBytesNotThePrompts() throws IOException {
        PromptSet lf = PromptSet.load(write("lf.txt", "x\ny\n"));
        PromptSet crlf = PromptSet.load(write("crlf.txt", "x\r\ny\r\n"));
        assertEquals(lf.prompts(), crlf.prompts());
        assertTrue(!lf.sha256().equals(crlf.sha256()));
    }

    @Test
    void refusesEmptyAndBlankFiles() throws IOException {
        Path empty = write("empty.txt", "");
        BadInputException e = assertThrows(BadInputException.class, () -> PromptSet.load(empty));
        assertTrue(e.getMessage().contains("empty.txt") && e.getMessage().contains("no prompts"), e.getMessage());
        Path blank = write("blank.txt", "\n  \n\r\n");
        assertThrows(BadInputException.class, () -> PromptSet.load(blank));
    }

    @Test
    void refusesInvalidUtf8() throws IOException {
        Path bad = write("latin1.txt", new byte[] {'o', 'k', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'});
        BadInputException e = assertThrows(BadInputException.class, () -> PromptSet.load(bad));
        assertTrue(e.getMessage().contains("latin1.txt") && e.getMessage().contains("UTF-8"), e.getMessage());
        Path truncated = write("cut.txt", new byte[] {'a', (byte) 0xE6, (byte) 0x97});
        assertThrows(BadInputException.class, () -> PromptSet.load(truncated));
    }

    @Test
    void refusesNulBytes() throws IOException {
        Path nul = write("nul.txt", new byte[] {'a', '\n', 'b', 0, 'c', '\n'});
        BadInputException e = assertThrows(BadInputException.class, () -> PromptSet.load(nul));
        assertTrue(e.getMessage().contains("offset 3"), e.getMessage());
    }

    @Test
    void refusesRepeatedPromptsNamingTheLines() throws IOException {
        Path dup = write("dup.txt", "one\ntwo\none\n");
        BadInputException e = assertThrows(BadInputException.class, () -> PromptSet.load(dup));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void missingFileIsBadInput() {
        assertThrows(BadInputException.class, () -> PromptSet.load(dir.resolve("absent.txt")));
    }
}
