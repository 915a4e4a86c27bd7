package dev.pedigree.provenance;

import dev.pedigree.blackbox.MatrixRequest;
import dev.pedigree.blackbox.MeasuredDistances;
import dev.pedigree.error.BadInputException;
import dev.pedigree.model.open.ModelOpener;
import dev.pedigree.signals.WeightAlignment;
import dev.pedigree.stats.DistanceMatrix;
import dev.pedigree.stats.PairwiseDistances;
import dev.pedigree.stats.ProvenanceMethod;
import dev.pedigree.stats.ProvenanceSet;
import dev.pedigree.stats.ProvenanceSetTest;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provenance-set job on queried models: the queries give the distance matrix (reference models queried
 * like candidates), the candidates' distances to one another give the calibrated background (unless
 * {@code pairwise} is false), both methods give their sets ({@link ComparedSets}), and (unless
 * {@code weights} is null) each candidate's weights are compared with the target's.
 *
 * @param queries    the target, the candidates, prompts, distance and decoding
 * @param references specs of models known to be unrelated to the target: queried like candidates, kept
 *                   in the pool, never in the set
 * @param headline   the method whose set is the headline; the other is run beside it
 * @param pairwise   whether to measure candidate-to-candidate distances for the calibrated background
 * @param weights    settings of the weight comparisons, or null to skip them
 */
public record ProvenanceRun(MatrixRequest queries, List<String> references, ProvenanceSetTest test, ProvenanceMethod headline,
        boolean pairwise, WeightAlignment.Settings weights, ModelOpener opener) {

    public ProvenanceRun {
        references = List.copyOf(references);
    }

    /**
     * What the run found: both sets, the distances they came from, the weight evidence per candidate, and
     * the wall-clock milliseconds of each phase ({@code queries}, {@code pairwise}, {@code sets}, {@code weights}).
     */
    public record Result(ComparedSets sets, MeasuredDistances distances, List<String> referenceNames, List<WeightEvidence> weights,
            Map<String, Long> timingsMs) {
        public Result {
            referenceNames = List.copyOf(referenceNames);
            weights = List.copyOf(weights);
            timingsMs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(timingsMs));
        }

        /** The headline set. */
        public ProvenanceSet set() {
            return sets.headline();
        }
    }

    public Result run(PrintWriter err, boolean progress) {
        List<String> pool = new ArrayList<>(queries.candidates());
        references.stream().filter(r -> !pool.contains(r)).forEach(pool::add);
        MatrixRequest request = new MatrixRequest(queries.target(), pool, queries.prompts(), queries.distance(), queries.decoding(),
                queries.cacheDir(), queries.options(), queries.sentenceEmbedder());
        Map<String, Long> timings = new LinkedHashMap<>();
        long start = System.nanoTime();
        MeasuredDistances measured = request.measure(err, progress);
        start = lap(timings, "queries", start);
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
        PairwiseDistances between = null;
        if (pairwise && matrix.models() < CalibrationBackground.MIN_PAIRWISE_MODELS) {
            err.println("set: " + matrix.models() + " models cannot fit a background of candidate-to-candidate distances (at least "
                    + CalibrationBackground.MIN_PAIRWISE_MODELS + " are needed): calibrating against the target's row alone");
            err.flush();
        } else if (pairwise) {
            between = request.measurePairwise(measured.candidates().stream().map(measured.specs()::get).toList(), err);
            start = lap(timings, "pairwise", start);
        }
        ComparedSets sets = ComparedSets.run(test, headline, matrix, referenceNames, between, "measured");
        start = lap(timings, "sets", start);
        List<WeightEvidence> evidence = List.of();
        if (weights != null) {
            Map<String, String> candidates = new LinkedHashMap<>();
            for (String name : measured.candidates()) {
                if (!referenceNames.contains(name)) {
                    candidates.put(name, measured.specs().get(name));
                }
            }
            evidence = CandidateWeights.compare(queries.target(), candidates, opener, weights, err);
            lap(timings, "weights", start);
        }
        return new Result(sets, measured, referenceNames, evidence, timings);
    }

    /** Records the milliseconds since {@code start} under {@code phase} and returns the new start. */
    static long lap(Map<String, Long> timings, String phase, long start) {
        long now = System.nanoTime();
        timings.put(phase, (now - start) / 1_000_000);
        return now;
    }
}
