package dev.pedigree.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.blackbox.cache.OutputCache;
import dev.pedigree.blackbox.distance.CentredLogitsDistance;
import dev.pedigree.blackbox.distance.DistributionDistance;
import dev.pedigree.blackbox.distance.PromptDistance;
import dev.pedigree.blackbox.distance.SemanticDistance;
import dev.pedigree.blackbox.distance.TokenDistance;
import dev.pedigree.blackbox.onnx.OnnxCausalLanguageModel;
import dev.pedigree.blackbox.onnx.OnnxEncoder;
import dev.pedigree.blackbox.prompts.PromptSet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every causal-LM distance on the zoo: target tiny-llama-a-ft (a light fine-tune of tiny-llama-a);
 * candidates its parent, an independent run of the same config and data (the hard negative), a
 * distilled student of the parent, and a GPT-2 trained on the same data. The parent must be nearest.
 */
class CausalDistancesTest {
    private static final List<String> CANDIDATES = List.of("tiny-llama-a", "tiny-llama-b", "tiny-llama-a-distilled",
            "tiny-gpt2-a");
    private static final Decoding DECODING = new Decoding(16, 64);
    private static OnnxCausalLanguageModel target;
    private static final List<OnnxCausalLanguageModel> candidates = new ArrayList<>();
    private static OnnxEncoder embedder;
    private static PromptSet prompts;
    @TempDir
    static Path cache;

    @BeforeAll
    static void open() {
        target = ZooModels.open("tiny-llama-a-ft", 16);
        for (String name : CANDIDATES) {
            candidates.add(ZooModels.open(name, 16));
        }
        embedder = RealEncoders.open(RealEncoders.MINILM_Q);
        List<String> all = new ArrayList<>(PromptSet.load(Path.of("prompts", "sentences-en.txt")).prompts().subList(0, 100));
        all.addAll(PromptSet.load(Path.of("prompts", "code.txt")).prompts().subList(0, 100));
        prompts = new PromptSet("mixed-200", all, PromptSet.sha256(String.join("\n", all).getBytes()));
    }

    @AfterAll
    static void close() {
        target.close();
        candidates.forEach(OnnxCausalLanguageModel::close);
        embedder.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"token", "distribution", "centred-logits", "semantic"})
    void parentIsNearest(String name) {
        PromptDistance distance = switch (name) {
            case "token" -> new TokenDistance(DECODING);
            case "distribution" -> new DistributionDistance(DECODING);
            case "centred-logits" -> new CentredLogitsDistance();
            case "semantic" -> new SemanticDistance(DECODING, embedder);
            default -> throw new IllegalArgumentException(name);
        };
        ModelQueries queries = new ModelQueries(new OutputCache(cache, 50), prompts, new PrintWriter(new StringWriter()), false);
        MeasuredDistances matrix = new DistanceMatrixBuilder(queries).build(target, candidates, distance);
        assertEquals(CANDIDATES, matrix.candidates());
        double[] means = matrix.rowMeans();
        for (int i = 0; i < means.length; i++) {
            System.out.printf("%-15s target tiny-llama-a-ft  %-24s mean %.4f%n", name, CANDIDATES.get(i), means[i]);
            for (double v : matrix.values()[i]) {
                assertTrue(v >= 0 && v <= 2, name + " distance out of range: " + v);
            }
        }
        for (int i = 1; i < means.length; i++) {
            assertTrue(means[0] < means[i], name + ": parent " + means[0] + " not nearer than " + CANDIDATES.get(i)
                    + " " + means[i]);
        }
    }
}
