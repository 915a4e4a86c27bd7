package dev.pedigree.stats;

import dev.pedigree.error.BadInputException;
import java.nio.file.Path;

/**
 * Reads {@link PairwiseDistances} from CSV: the same layout as {@link DistanceMatrixCsv} (a row per model,
 * its name first) with one column per model, in the same order as the rows — a header
 * {@code candidate,name1,name2,…} may say so and must then match the row names. Diagonal cells are
 * ignored but must be numbers (write 0).
 */
public final class PairwiseDistancesCsv {
    private PairwiseDistancesCsv() {
    }

    public static PairwiseDistances read(Path file) {
        DistanceMatrix square = DistanceMatrixCsv.read(file);
        if (square.prompts() != square.models()) {
            throw new BadInputException(file + ": candidate-to-candidate distances must be square; " + square.models() + " rows of "
                    + square.prompts() + " values");
        }
        java.util.List<String> header = DistanceMatrixCsv.header(file);
        if (header != null && !header.subList(1, header.size()).equals(square.names())) {
            throw new BadInputException(file + ": the header's columns " + header.subList(1, header.size())
                    + " are not the row names " + square.names() + " in the same order");
        }
        try {
            return new PairwiseDistances(square.names(), square.rows());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
    }
}
