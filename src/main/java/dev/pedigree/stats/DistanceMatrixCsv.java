package dev.pedigree.stats;

import dev.pedigree.error.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a distance matrix from CSV: one row per model, its name first, then its distance on each prompt.
 * An optional header row ({@code candidate,p1,p2,…}) is recognised by a non-number after its first cell.
 * Blank lines are skipped; a name may be wrapped in double quotes. Anything else that is not a finite
 * number in a distance cell, a row of another length, a repeated name, fewer than 2 models or fewer than
 * 2 prompts is refused with a {@link BadInputException} naming the file, the line and the problem.
 */
public final class DistanceMatrixCsv {
    private static final Pattern NUMBER =
            Pattern.compile("[+-]?(NaN|nan|Infinity|inf|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)");

    private DistanceMatrixCsv() {
    }

    public static DistanceMatrix read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the distance matrix (" + e.getMessage() + ")", e);
        }
        List<String> names = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        Map<String, Integer> lineOfName = new HashMap<>();
        int width = -1;
        boolean first = true;
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            int number = index + 1;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (first) {
                first = false;
                width = cells.length;
                if (isHeader(cells)) {
                    continue;
                }
            }
            if (cells.length != width) {
                throw bad(file, number, cells.length + " cells where the first row has " + width + " (ragged rows)");
            }
            String name = unquote(cells[0].strip());
            if (name.isEmpty()) {
                throw bad(file, number, "the model name (first cell) is empty");
            }
            Integer earlier = lineOfName.putIfAbsent(name, number);
            if (earlier != null) {
                throw bad(file, number, "duplicate model name '" + name + "' (first on line " + earlier + ")");
            }
            double[] row = new double[cells.length - 1];
            for (int c = 1; c < cells.length; c++) {
                row[c - 1] = distance(file, number, c + 1, cells[c].strip());
            }
            names.add(name);
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new BadInputException(file + ": empty distance matrix (no model rows)");
        }
        if (rows.size() < 2) {
            throw new BadInputException(file + ": " + rows.size() + " model row; at least 2 are needed to test anything");
        }
        if (width - 1 < 2) {
            throw new BadInputException(file + ": " + (width - 1) + " prompt column(s); at least 2 are needed");
        }
        return new DistanceMatrix(names, rows.toArray(double[][]::new));
    }

    /** The cells of the file's header row (names unquoted), or null when it has none. */
    public static List<String> header(Path file) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                return isHeader(cells) ? java.util.Arrays.stream(cells).map(c -> unquote(c.strip())).toList() : null;
            }
            return null;
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** A header names its first column {@code candidate} (or model, name), or has no number at all. */
    private static boolean isHeader(String[] cells) {
        String first = unquote(cells[0].strip()).toLowerCase(java.util.Locale.ROOT);
        if (first.equals("candidate") || first.equals("model") || first.equals("name")) {
            return true;
        }
        for (int c = 1; c < cells.length; c++) {
            if (parse(cells[c].strip()) != null) {
                return false;
            }
        }
        return true;
    }

    private static double distance(Path file, int line, int column, String cell) {
        Double value = parse(cell);
        if (value == null) {
            throw bad(file, line, "column " + column + " holds '" + cell + "', not a number");
        }
        if (!Double.isFinite(value)) {
            throw bad(file, line, "column " + column + " holds " + cell + "; distances must be finite");
        }
        return value;
    }

    /** The number in a cell (NaN and infinities included, so they get their own message), or null. */
    private static Double parse(String cell) {
        if (!NUMBER.matcher(cell).matches()) {
            return null;
        }
        return switch (cell.replaceFirst("^[+-]", "")) {
            case "inf", "Infinity" -> cell.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            case "nan", "NaN" -> Double.NaN;
            default -> Double.parseDouble(cell);
        };
    }

    private static String unquote(String cell) {
        return cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"") ? cell.substring(1, cell.length() - 1) : cell;
    }

    private static BadInputException bad(Path file, int line, String problem) {
        return new BadInputException(file + " line " + line + ": " + problem);
    }
}
