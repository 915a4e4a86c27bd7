package dev.pedigree.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.blackbox.Decoding;
import dev.pedigree.blackbox.MatrixRequest;
import dev.pedigree.blackbox.MeasuredDistances;
import dev.pedigree.blackbox.PairwiseRows;
import dev.pedigree.blackbox.QueryableModels;
import dev.pedigree.blackbox.prompts.PromptSet;
import dev.pedigree.error.BadInputException;
import dev.pedigree.stats.DistanceMatrix;
import dev.pedigree.stats.PairwiseDistances;
import dev.pedigree.stats.ProvenanceMethod;
import dev.pedigree.stats.ProvenanceSet;
import dev.pedigree.stats.ProvenanceSetTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The provenance-set methods on the real zoo's tasks ({@code tasks.json}: target, pool, true set): for
 * each distance, each task's m × N matrix is measured once with the largest prompt count and its first n
 * columns (the first n prompts) are tested for every smaller n, so every cell reuses the same answers.
 * Each method runs on the same matrix with the same seed: the paper's ({@link Method#MPS}), the calibrated
 * one with the candidate-to-candidate distances measured on the same n prompts ({@link Method#CALIBRATED},
 * what {@code pedigree set} does by default), and the calibrated one against the target's row alone
 * ({@link Method#CALIBRATED_POOL}). Each test is carried to the largest level and read at every level
 * from the monotone step p-values. The files ({@link CoverageRealResults}) are rewritten after each
 * distance so a partial run leaves its results.
 */
public final class CoverageRealRun {
    /** The prompt counts the experiment reports; those above {@code maxPrompts} are dropped. */
    public static final List<Integer> PROMPT_COUNTS = List.of(50, 100, 200, 400);

    /** A provenance-set method as the experiment runs it. */
    public enum Method {
        /** The paper's equal-means null. */
        MPS("mps"),
        /** The calibrated null, background from the measured candidate-to-candidate distances. */
        CALIBRATED("calibrated"),
        /** The calibrated null, background from the target's own row (no candidate-to-candidate distances). */
        CALIBRATED_POOL("calibrated-pool");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The method named {@code label}. */
        public static Method named(String label) {
            for (Method m : values()) {
                if (m.label.equals(label)) {
                    return m;
                }
            }
            throw new BadInputException("no method " + label + " (one of mps, calibrated, calibrated-pool)");
        }
    }

    /**
     * @param zoo        the built zoo (models/, tasks.json, lineage.json)
     * @param promptFile the prompt set; its first {@code maxPrompts} prompts are queried
     */
    public record Settings(Path zoo, Path out, List<Method> methods, List<String> distances, Path promptFile, int maxPrompts,
            List<Double> levels, int permutations, long seed, Path cacheDir) {
        public Settings {
            methods = List.copyOf(methods);
            distances = List.copyOf(distances);
            levels = List.copyOf(levels);
        }
    }

    private record Task(String target, List<String> pool, List<String> truth) {
    }

    private CoverageRealRun() {
    }

    /** Runs every distance and returns the files written. */
    public static List<Path> run(Settings s, PrintWriter err) throws IOException {
        List<Task> tasks = readTasks(s.zoo().resolve("tasks.json"));
        ZooLineage lineage = ZooLineage.read(s.zoo().resolve("lineage.json"));
        PromptSet all = PromptSet.load(s.promptFile());
        if (all.size() < s.maxPrompts()) {
            throw new BadInputException(s.promptFile() + ": " + all.size() + " prompts, fewer than --max-prompts " + s.maxPrompts());
        }
        PromptSet prompts = all.first(s.maxPrompts());
        List<Integer> counts = PROMPT_COUNTS.stream().filter(n -> n <= s.maxPrompts()).toList();
        if (counts.isEmpty()) {
            throw new BadInputException("--max-prompts " + s.maxPrompts() + ": below the smallest reported count " + PROMPT_COUNTS.getFirst());
        }
        Files.createDirectories(s.out());
        CoverageRealResults results = new CoverageRealResults(s.levels(), lineage);
        List<Path> written = List.of();
        for (String distance : s.distances()) {
            for (Task task : tasks) {
                long start = System.nanoTime();
                MatrixRequest request = request(s, prompts, distance, task);
                MeasuredDistances measured = request.measure(err, false, s.methods().contains(Method.CALIBRATED));
                List<String> names = measured.candidates().stream().map(n -> modelId(measured.specs().get(n))).toList();
                PairwiseRows pairwise = measured.pairwise();
                List<String> excluded = measured.excluded().keySet().stream().map(CoverageRealRun::modelId).toList();
                CoverageRealResults.TaskContext context = new CoverageRealResults.TaskContext(distance, task.target(),
                        lineage.targetKind(task.target()), task.truth(), names, excluded);
                for (int n : counts) {
                    double[][] rows = Arrays.stream(measured.values()).map(r -> Arrays.copyOf(r, n)).toArray(double[][]::new);
                    DistanceMatrix matrix = new DistanceMatrix(names, rows);
                    results.rank(context, n, names, rowMeans(rows));
                    for (Method method : s.methods()) {
                        if (method == Method.CALIBRATED && pairwise == null) {
                            results.note(context, method.label(), "no candidate-to-candidate distances");
                            continue;
                        }
                        ProvenanceSet set = test(s, method, pairwise == null ? null : renamed(pairwise.meansOver(n), names)).test(matrix, List.of());
                        for (double level : s.levels()) {
                            results.add(context, method.label(), n, level, set.membersAt(level).stream().map(e -> e.model()).toList(),
                                    set.steps());
                        }
                    }
                }
                measured.excluded().forEach((spec, why) -> results.exclude(distance, task.target(), modelId(spec), why));
                err.printf(Locale.ROOT, "coverage-real: %s %s: %d candidates, %.1f s%n", distance, task.target(), names.size(),
                        (System.nanoTime() - start) / 1e9);
                err.flush();
            }
            written = results.write(s.out());
        }
        return written;
    }

    private static ProvenanceSetTest test(Settings s, Method method, PairwiseDistances pairwise) {
        ProvenanceSetTest test = ProvenanceSetTest.withDefaults().withAlpha(s.levels().getLast()).withLevels(s.levels())
                .withPermutations(s.permutations()).withRandom(s.seed());
        return switch (method) {
            case MPS -> test;
            case CALIBRATED -> test.withMethod(ProvenanceMethod.CALIBRATED).withPairwise(pairwise);
            case CALIBRATED_POOL -> test.withMethod(ProvenanceMethod.CALIBRATED);
        };
    }

    /** The pairwise distances under the zoo ids the matrix uses (both are in the measured candidates' order). */
    private static PairwiseDistances renamed(PairwiseDistances pairwise, List<String> names) {
        return new PairwiseDistances(names, pairwise.mean());
    }

    private static double[] rowMeans(double[][] rows) {
        return Arrays.stream(rows).mapToDouble(r -> Arrays.stream(r).average().orElseThrow()).toArray();
    }

    private static MatrixRequest request(Settings s, PromptSet prompts, String distance, Task task) {
        Path models = s.zoo().resolve("models");
        List<String> pool = task.pool().stream().map(id -> models.resolve(id).toString()).toList();
        return new MatrixRequest(models.resolve(task.target()).toString(), pool, prompts, distance, Decoding.DEFAULT,
                s.cacheDir(), QueryableModels.Options.DEFAULT, MatrixRequest.DEFAULT_SENTENCE_EMBEDDER);
    }

    /** The zoo id of a model given as its folder path. */
    private static String modelId(String spec) {
        return Path.of(spec).getFileName().toString();
    }

    private static List<Task> readTasks(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        List<Task> tasks = new ArrayList<>();
        for (JsonNode t : root) {
            tasks.add(new Task(t.path("target").asText(), strings(t.path("pool")), strings(t.path("true_set"))));
        }
        if (tasks.isEmpty()) {
            throw new BadInputException(file + ": no tasks");
        }
        return tasks;
    }

    private static List<String> strings(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }
}
