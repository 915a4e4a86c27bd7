package dev.pedigree.blackbox.prompts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The committed sets in {@code prompts/} against the table in {@code prompts/README.md}. */
class PromptSetFilesTest {
    private static final Path PROMPTS = Path.of("prompts");
    private static final Pattern ROW = Pattern.compile("^\\| ([a-z0-9-]+) \\| (\\d+) \\| (-?\\d+) \\| ([0-9a-f]{64}) \\|$");

    private record Row(String name, int count, long seed, String sha256) {
    }

    private static List<Row> readmeRows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(PROMPTS.resolve("README.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.add(new Row(m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)), m.group(4)));
            }
        }
        return rows;
    }

    @Test
    void readmeListsEveryGeneratedSet() throws IOException {
        assertEquals(PromptSetGenerator.names(), readmeRows().stream().map(Row::name).toList());
    }

    @Test
    void committedFilesHaveTheRecordedHashAndLoad() throws IOException {
        for (Row row : readmeRows()) {
            PromptSet set = PromptSet.load(PROMPTS.resolve(row.name() + ".txt"));
            assertEquals(row.sha256(), PromptSet.sha256(Files.readAllBytes(PROMPTS.resolve(row.name() + ".txt"))), row.name());
            assertEquals(row.sha256(), set.sha256(), row.name());
            assertEquals(row.name(), set.name());
            assertEquals(row.count(), set.size(), row.name());
            assertTrue(set.size() >= 2000, row.name());
            assertEquals(set.size(), new HashSet<>(set.prompts()).size(), row.name());
        }
    }

    @Test
    void generatorReproducesTheCommittedBytes() throws IOException {
        for (Row row : readmeRows()) {
            byte[] regenerated = PromptSetGenerator.toBytes(PromptSetGenerator.generate(row.name(), row.count(), row.seed()));
            assertArrayEquals(Files.readAllBytes(PROMPTS.resolve(row.name() + ".txt")), regenerated, row.name());
        }
    }
}
