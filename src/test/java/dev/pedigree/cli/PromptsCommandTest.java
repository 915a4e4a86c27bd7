package dev.pedigree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.blackbox.prompts.PromptSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PromptsCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void generateWritesTheSetAndReportsItsHash() {
        Path file = dir.resolve("sub/facts.txt");
        assertEquals(ExitCode.DONE, run("prompts", "generate", "--set", "facts-qa", "--count", "300", "--seed", "4",
                "--out", file.toString()));
        PromptSet set = PromptSet.load(file);
        assertEquals(300, set.size());
        assertTrue(out.toString().contains(set.sha256()), out.toString());
    }

    @Test
    void checkPrintsSizeAndHash() throws IOException {
        Path file = Files.writeString(dir.resolve("own.txt"), "first prompt\nsecond prompt\n");
        assertEquals(ExitCode.DONE, run("prompts", "check", file.toString()));
        assertTrue(out.toString().contains("own: 2 prompts, sha256 " + PromptSet.load(file).sha256()), out.toString());
    }

    @Test
    void badInputIsExitCodeTwo() throws IOException {
        assertEquals(ExitCode.BAD_INPUT, run("prompts", "generate", "--set", "poems", "--seed", "1",
                "--out", dir.resolve("x.txt").toString()));
        assertTrue(err.toString().contains("no prompt set named poems"), err.toString());
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        assertEquals(ExitCode.BAD_INPUT, run("prompts", "check", empty.toString()));
    }

    @Test
    void listNamesEverySet() {
        assertEquals(ExitCode.DONE, run("prompts", "list"));
        for (String name : new String[] {"sentences-en", "code", "random-tokens", "facts-qa"}) {
            assertTrue(out.toString().contains(name), out.toString());
        }
    }
}
