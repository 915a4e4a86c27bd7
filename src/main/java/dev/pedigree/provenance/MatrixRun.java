package dev.pedigree.provenance;

import dev.pedigree.error.BadInputException;
import dev.pedigree.stats.DistanceMatrix;
import dev.pedigree.stats.DistanceMatrixCsv;
import dev.pedigree.stats.PairwiseDistances;
import dev.pedigree.stats.PairwiseDistancesCsv;
import dev.pedigree.stats.ProvenanceMethod;
import dev.pedigree.stats.ProvenanceSetTest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provenance-set job on a precomputed distance matrix: no model is opened, so there are no weights and
 * no digests. Both methods run ({@link ComparedSets}); the calibrated one takes its background from the
 * candidate-to-candidate distances when a file of them is given, from the target's row otherwise.
 *
 * @param matrix     the CSV distance matrix ({@link DistanceMatrixCsv})
 * @param pairwise   the CSV of candidate-to-candidate mean distances ({@link PairwiseDistancesCsv}), or null
 * @param references names of matrix rows known to be unrelated to the target
 */
public record MatrixRun(Path matrix, Path pairwise, List<String> references, ProvenanceSetTest test, ProvenanceMethod headline) {

    public MatrixRun {
        references = List.copyOf(references);
    }

    /** What the run found, the matrix it found it in, and the milliseconds of each phase ({@code read}, {@code sets}). */
    public record Result(ComparedSets sets, DistanceMatrix matrix, Path file, Map<String, Long> timingsMs) {
        public Result {
            timingsMs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(timingsMs));
        }
    }

    /**
     * @throws BadInputException naming the file and the problem when an input does not fit the others, or when
     *                           the matrix has too few models for a pairwise background
     *                           ({@link dev.pedigree.stats.PairwiseBackground#MIN_MODELS})
     */
    public Result run() {
        Map<String, Long> timings = new LinkedHashMap<>();
        long start = System.nanoTime();
        DistanceMatrix m = DistanceMatrixCsv.read(matrix);
        for (String name : references) {
            if (m.indexOf(name) < 0) {
                throw new BadInputException("--reference " + name + ": no such model in " + matrix);
            }
        }
        if (references.containsAll(m.names())) {
            throw new BadInputException("--reference: every model of " + matrix + " is a reference; nothing to test");
        }
        PairwiseDistances between = null;
        if (pairwise != null) {
            between = PairwiseDistancesCsv.read(pairwise);
            for (String name : m.names()) {
                if (!between.names().contains(name)) {
                    throw new BadInputException("--pairwise " + pairwise + ": no row for model " + name + " of " + matrix);
                }
            }
        }
        start = ProvenanceRun.lap(timings, "read", start);
        ComparedSets sets = ComparedSets.run(test, headline, m, references, between, pairwise == null ? null : pairwise.toString());
        ProvenanceRun.lap(timings, "sets", start);
        return new Result(sets, m, matrix, timings);
    }
}
