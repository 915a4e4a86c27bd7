package dev.pedigree.stats.baseline;

import dev.pedigree.error.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a match matrix from CSV: one row per candidate, its name first, then one 0 or 1 per prompt.
 * An optional header row starting with {@code candidate} names the prompts and is skipped. Blank
 * lines are skipped; anything else that is not 0 or 1, a ragged row or a repeated name is refused with
 * the file and line named.
 */
public final class MatchMatrixCsv {
    private MatchMatrixCsv() {
    }

    public static MatchMatrix read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read match matrix: " + e.getMessage(), e);
        }
        List<String> names = new ArrayList<>();
        List<boolean[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || (names.isEmpty() && rows.isEmpty() && line.startsWith("candidate,"))) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length < 2) {
                throw new BadInputException(file + ": line " + (i + 1) + " has no match values");
            }
            boolean[] row = new boolean[cells.length - 1];
            for (int t = 0; t < row.length; t++) {
                switch (cells[t + 1].strip()) {
                    case "1" -> row[t] = true;
                    case "0" -> row[t] = false;
                    default -> throw new BadInputException(file + ": line " + (i + 1) + ", column " + (t + 2)
                            + ": expected 0 or 1, got '" + cells[t + 1] + "'");
                }
            }
            if (!rows.isEmpty() && row.length != rows.getFirst().length) {
                throw new BadInputException(file + ": line " + (i + 1) + " has " + row.length + " prompts, the first row has "
                        + rows.getFirst().length);
            }
            names.add(cells[0].strip());
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new BadInputException(file + ": no candidate rows");
        }
        try {
            return new MatchMatrix(names, rows.toArray(boolean[][]::new));
        } catch (BadInputException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
    }
}
