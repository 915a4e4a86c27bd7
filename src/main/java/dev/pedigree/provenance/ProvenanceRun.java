package dev.pedigree.provenance;

import dev.pedigree.blackbox.MatrixRequest;
import dev.pedigree.blackbox.MeasuredDistances;
import dev.pedigree.error.BadInputException;
import dev.pedigree.model.open.ModelOpener;
import dev.pedigree.signals.WeightAlignment;
import dev.pedigree.stats.DistanceMatrix;
import dev.pedigree.stats.ProvenanceSet;
import dev.pedigree.stats.ProvenanceSetTest;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the provenance-set job: the queries give the distance matrix, the configured set test gives the
 * set, and (unless {@code weights} is null) each candidate's weights are compared with the target's.
 *
 * @param references specs of models known to be unrelated to the target: queried like candidates, kept
 *                   in the pool, never in the set
 * @param weights    settings of the weight comparisons, or null to skip them
 */
public record ProvenanceRun(MatrixRequest queries, List<String> references, ProvenanceSetTest test,
                            WeightAlignment.Settings weights, ModelOpener opener) {

    /** What the run found: the set, the matrix it came from, and the weight evidence per candidate. */
    public record Result(ProvenanceSet set, MeasuredDistances distances, List<String> referenceNames,
                         List<WeightEvidence> weights) {
    }

    public Result run(PrintWriter err, boolean progress) {
        MeasuredDistances measured = queries.measure(err, progress);
        List<String> referenceNames = new ArrayList<>();
        measured.specs().forEach((name, spec) -> {
            if (references.contains(spec)) {
                referenceNames.add(name);
            }
        });
        for (String spec : references) {
            if (!measured.specs().containsValue(spec)) {
                throw new BadInputException("--reference " + spec + ": could not be queried ("
                        + measured.excluded().getOrDefault(spec, "excluded") + ")");
            }
        }
        if (measured.candidates().size() < 2) {
            throw new BadInputException("fewer than 2 models could be queried; excluded: " + measured.excluded());
        }
        DistanceMatrix matrix = new DistanceMatrix(measured.candidates(), measured.values());
        ProvenanceSet set = test.test(matrix, referenceNames);
        List<WeightEvidence> evidence = List.of();
        if (weights != null) {
            Map<String, String> candidates = new LinkedHashMap<>();
            for (String name : measured.candidates()) {
                if (!referenceNames.contains(name)) {
                    candidates.put(name, measured.specs().get(name));
                }
            }
            evidence = CandidateWeights.compare(queries.target(), candidates, opener, weights, err);
        }
        return new Result(set, measured, referenceNames, evidence);
    }
}
