package dev.pedigree.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.blackbox.cache.OutputCache;
import dev.pedigree.blackbox.distance.CentredLogitsDistance;
import dev.pedigree.blackbox.distance.DistributionDistance;
import dev.pedigree.blackbox.distance.PromptDistance;
import dev.pedigree.blackbox.distance.SemanticDistance;
import dev.pedigree.blackbox.distance.TokenDistance;
import dev.pedigree.blackbox.onnx.OnnxCausalLanguageModel;
import dev.pedigree.blackbox.onnx.OnnxEncoder;
import dev.pedigree.blackbox.prompts.PromptSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which distance measures lineage (issue 9): every zoo task ({@code zoo/tasks.json}: target, pool,
 * true set) under every causal-LM distance, mean distance per candidate printed as CSV. The trap is
 * tiny-llama-a-py-heavy: heavily fine-tuned on Python, as tiny-llama-b-py-heavy (another base) was;
 * only centred-logits puts its parent first, and only on prompts away from Python.
 */
class ZooTaskDistancesTest {
    private static final Decoding DECODING = new Decoding(16, 64);
    private static final Map<String, OnnxCausalLanguageModel> models = new HashMap<>();
    private static OnnxEncoder embedder;
    private static PromptSet prompts;
    @TempDir
    static Path cache;

    @BeforeAll
    static void open() {
        embedder = RealEncoders.open(RealEncoders.MINILM_Q);
        // prompts off the trap's fine-tuning domain (Python): on code prompts the shared fine-tuning data
        // dominates every distance (experiments/blackbox/lineage_distances.txt)
        List<String> all = new ArrayList<>(PromptSet.load(Path.of("prompts", "sentences-en.txt")).prompts().subList(0, 100));
        all.addAll(PromptSet.load(Path.of("prompts", "random-tokens.txt")).prompts().subList(0, 100));
        prompts = new PromptSet("sentences-random-200", all, PromptSet.sha256(String.join("\n", all).getBytes()));
    }

    @AfterAll
    static void close() {
        models.values().forEach(OnnxCausalLanguageModel::close);
        embedder.close();
    }

    private static OnnxCausalLanguageModel model(String name) {
        return models.computeIfAbsent(name, n -> ZooModels.open(n, 16));
    }

    @Test
    void centredLogitsPutEveryTrueParentFirst() throws IOException {
        JsonNode tasks = new ObjectMapper().readTree(Files.readString(ZooModels.ROOT.resolveSibling("tasks.json")));
        List<PromptDistance> distances = List.of(new TokenDistance(DECODING), new DistributionDistance(DECODING),
                new SemanticDistance(DECODING, embedder), new CentredLogitsDistance());
        ModelQueries queries = new ModelQueries(new OutputCache(cache, 50), prompts, new PrintWriter(new StringWriter()), false);
        System.out.println("target,distance,candidate,true_member,mean_distance,rank");
        Map<String, Integer> parentsFirst = new HashMap<>();
        int tasksWithParents = 0;
        for (JsonNode task : tasks) {
            String target = task.path("target").asText();
            List<String> pool = new ArrayList<>();
            task.path("pool").forEach(n -> pool.add(n.asText()));
            List<String> truth = new ArrayList<>();
            task.path("true_set").forEach(n -> truth.add(n.asText()));
            if (!truth.isEmpty()) {
                tasksWithParents++;
            }
            for (PromptDistance distance : distances) {
                MeasuredDistances m = new DistanceMatrixBuilder(queries).build(model(target),
                        pool.stream().map(ZooTaskDistancesTest::model).toList(), distance);
                assertEquals(pool, m.candidates());
                double[] means = m.rowMeans();
                Integer[] order = new Integer[means.length];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                java.util.Arrays.sort(order, (a, b) -> Double.compare(means[a], means[b]));
                for (int r = 0; r < order.length; r++) {
                    String c = pool.get(order[r]);
                    System.out.printf("%s,%s,%s,%b,%.4f,%d%n", target, distance.name(), c, truth.contains(c), means[order[r]], r + 1);
                }
                if (!truth.isEmpty() && truth.contains(pool.get(order[0]))) {
                    parentsFirst.merge(distance.name(), 1, Integer::sum);
                }
            }
        }
        System.out.println("tasks whose true parent ranks first, per distance: " + parentsFirst + " of " + tasksWithParents);
        assertEquals(tasksWithParents, parentsFirst.getOrDefault("centred-logits", 0));
        assertTrue(tasksWithParents >= 3);
    }
}
