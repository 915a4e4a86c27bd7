package dev.pedigree.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.blackbox.Decoding;
import dev.pedigree.blackbox.MatrixRequest;
import dev.pedigree.blackbox.MeasuredDistances;
import dev.pedigree.blackbox.QueryableModels;
import dev.pedigree.blackbox.prompts.PromptSet;
import dev.pedigree.error.BadInputException;
import dev.pedigree.stats.DistanceMatrix;
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
 * The paper-faithful MPS test on the real zoo's tasks ({@code tasks.json}: target, pool, true set): for
 * each distance, each task's m × N matrix is measured once with the largest prompt count and its first n
 * columns (the first n prompts) are tested for every smaller n, so every cell reuses the same answers.
 * Each test is carried to the largest level and read at every level from the monotone step p-values.
 * Writes {@code tasks.csv} (one row per task, distance, n, α), {@code members.csv} (one row per true
 * member: its derivation distance from the target and whether the set held it), {@code summary.csv}
 * (coverage with Clopper–Pearson intervals, mean size, mean extra, per target kind), {@code depth.csv}
 * and SVG figures; the files are rewritten after each distance so a partial run leaves its results.
 */
public final class CoverageRealRun {
    /** The prompt counts the experiment reports; those above {@code maxPrompts} are dropped. */
    public static final List<Integer> PROMPT_COUNTS = List.of(50, 100, 200, 400);

    /**
     * @param zoo        the built zoo (models/, tasks.json, lineage.json)
     * @param promptFile the prompt set; its first {@code maxPrompts} prompts are queried
     */
    public record Settings(Path zoo, Path out, List<String> distances, Path promptFile, int maxPrompts, List<Double> levels,
            int permutations, long seed, Path cacheDir) {
        public Settings {
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
        CoverageRealResults results = new CoverageRealResults(s.levels());
        List<Path> written = List.of();
        for (String distance : s.distances()) {
            for (Task task : tasks) {
                long start = System.nanoTime();
                MeasuredDistances measured = measure(s, prompts, distance, task, err);
                List<String> names = measured.candidates().stream().map(n -> modelId(measured.specs().get(n))).toList();
                for (int n : counts) {
                    double[][] rows = Arrays.stream(measured.values()).map(r -> Arrays.copyOf(r, n)).toArray(double[][]::new);
                    ProvenanceSet set = ProvenanceSetTest.withDefaults()
                            .withAlpha(s.levels().getLast()).withLevels(s.levels())
                            .withPermutations(s.permutations()).withRandom(s.seed())
                            .test(new DistanceMatrix(names, rows), List.of());
                    for (double level : s.levels()) {
                        List<String> members = set.membersAt(level).stream().map(e -> e.model()).toList();
                        results.add(distance, task.target(), lineage.targetKind(task.target()), n, level, task.truth(), members,
                                measured.excluded().keySet().stream().map(CoverageRealRun::modelId).toList(),
                                t -> lineage.relation(task.target(), t));
                    }
                }
                measured.excluded().forEach((spec, why) -> results.exclude(distance, task.target(), modelId(spec), why));
                err.printf(Locale.ROOT, "coverage-real: %s %s: %d candidates, %.1f s%n", distance, task.target(), names.size(),
                        (System.nanoTime() - start) / 1e9);
                err.flush();
            }
            written = results.write(s.out(), counts);
        }
        return written;
    }

    private static MeasuredDistances measure(Settings s, PromptSet prompts, String distance, Task task, PrintWriter err) {
        Path models = s.zoo().resolve("models");
        List<String> pool = task.pool().stream().map(id -> models.resolve(id).toString()).toList();
        return new MatrixRequest(models.resolve(task.target()).toString(), pool, prompts, distance, Decoding.DEFAULT,
                s.cacheDir(), QueryableModels.Options.DEFAULT, MatrixRequest.DEFAULT_SENTENCE_EMBEDDER).measure(err, false);
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
