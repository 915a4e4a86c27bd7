package dev.pedigree.provenance;

import dev.pedigree.blackbox.MatrixRequest;
import dev.pedigree.blackbox.MeasuredDistances;
import dev.pedigree.error.BadInputException;
import dev.pedigree.model.open.ModelDescription;
import dev.pedigree.model.open.ModelOpener;
import dev.pedigree.signals.WeightAlignment;
import dev.pedigree.stats.DistanceMatrix;
import dev.pedigree.stats.PairwiseBackground;
import dev.pedigree.stats.PairwiseCalibratedStep;
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
 * {@code pairwise} is false), both methods give their sets ({@link ComparedSets}), and every local model's
 * files are read once ({@link ModelFiles}): its format, declared lineage and (unless {@code digests} is
 * false) content digest for the report, and (unless {@code weights} is null) each candidate's weights
 * compared with the target's.
 *
 * @param queries    the target, the candidates, prompts, distance and decoding
 * @param references specs of models known to be unrelated to the target: queried like candidates, kept
 *                   in the pool, never in the set
 * @param headline   the method whose set is the headline; the other is run beside it
 * @param pairwise   whether to measure candidate-to-candidate distances for the calibrated background
 * @param weights    settings of the weight comparisons, or null to skip them
 * @param digests    whether to compute the models' content digests (cached)
 */
public record ProvenanceRun(MatrixRequest queries, List<String> references, ProvenanceSetTest test, ProvenanceMethod headline,
        boolean pairwise, WeightAlignment.Settings weights, boolean digests, ModelOpener opener) {

    public ProvenanceRun {
        references = List.copyOf(references);
    }

    /**
     * What the run found: both sets, the distances they came from, what each queried model's files say (by its
     * name in the matrix: the target first, then candidates and references), the weight evidence per
     * candidate, why a model's files could not be read, and the wall-clock milliseconds of each phase
     * ({@code queries}, {@code pairwise}, {@code sets}, {@code files}).
     */
    public record Result(ComparedSets sets, MeasuredDistances distances, List<String> referenceNames, Map<String, ModelDescription> models,
            List<WeightEvidence> weights, Map<String, String> unreadable, Map<String, Long> timingsMs) {
        public Result {
            referenceNames = List.copyOf(referenceNames);
            models = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(models));
            weights = List.copyOf(weights);
            unreadable = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(unreadable));
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
        MeasuredDistances measured = request.measure(err, progress, pairwise);
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
        PairwiseDistances between = measured.pairwise() == null ? null : measured.pairwise().meansOver(measured.pairwise().prompts());
        if (pairwise && !PairwiseBackground.canFit(matrix.models())) {
            err.println("set: " + matrix.models() + " models cannot fit a background of candidate-to-candidate distances (at least "
                    + PairwiseBackground.MIN_MODELS + " are needed): calibrating against the target's row alone");
            err.flush();
        }
        ComparedSets sets = ComparedSets.run(test, headline, matrix, referenceNames, between, "measured");
        start = lap(timings, "sets", start);
        Map<String, String> candidates = new LinkedHashMap<>();
        Map<String, String> referenceSpecs = new LinkedHashMap<>();
        for (String name : measured.candidates()) {
            (referenceNames.contains(name) ? referenceSpecs : candidates).put(name, measured.specs().get(name));
        }
        ModelFiles.Result files = ModelFiles.read(measured.target(), queries.target(), candidates, referenceSpecs, opener, digests, weights, err);
        lap(timings, "files", start);
        return new Result(sets, measured, referenceNames, files.descriptions(), files.weights(), files.unreadable(), timings);
    }

    /** Records the milliseconds since {@code start} under {@code phase} and returns the new start. */
    static long lap(Map<String, Long> timings, String phase, long start) {
        long now = System.nanoTime();
        timings.put(phase, (now - start) / 1_000_000);
        return now;
    }
}
