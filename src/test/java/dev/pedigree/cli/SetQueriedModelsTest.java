package dev.pedigree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code set --target} end to end on the zoo's causal LMs: queries through ONNX Runtime, the MPS set,
 * and the weight comparison beside it in one report.
 */
class SetQueriedModelsTest {
    private static final String ZOO = "src/test/resources/zoo/models/";

    private static JsonNode run(String target, String... candidates) throws Exception {
        List<String> args = new ArrayList<>(List.of("set", "--target", ZOO + target, "--candidates"));
        for (String c : candidates) {
            args.add(ZOO + c);
        }
        // the paper-faithful method: with 4 candidates the calibrated background has too few pairs to reach α = 0.05
        args.addAll(List.of("--method", "mps", "--prompts", "sentences-en", "--prompt-count", "120", "--perms", "499", "--seed", "3",
                "--quiet", "--format", "json"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args.toArray(String[]::new));
        assertEquals(ExitCode.DONE, exit, err.toString());
        return new ObjectMapper().readTree(out.toString());
    }

    /** The weight comparison of the target with {@code candidate}. */
    private static JsonNode weightsOf(JsonNode report, String candidate) {
        for (JsonNode w : report.path("weight_comparisons")) {
            if (w.path("b").asText().equals(candidate)) {
                return w;
            }
        }
        throw new AssertionError("no weight comparison for " + candidate + " in " + report.path("weight_comparisons"));
    }

    @Test
    void fineTunedTargetFindsItsParentFirstWithWeightsAgreeing() throws Exception {
        JsonNode r = run("tiny-llama-a-ft", "tiny-llama-a", "tiny-llama-b", "tiny-gpt2-a", "tiny-llama-b-py-heavy");
        JsonNode set = r.path("provenance_set");
        assertEquals("centred-logits", r.path("distances").path("distance").asText(), "default distance for a causal LM");
        assertEquals("tiny-llama-a", set.path("steps").get(0).path("model").asText(), set.path("steps").toString());
        assertEquals("tiny-llama-a", set.path("sets_by_alpha").path("0.05").get(0).asText(), r.toString());
        assertEquals("related", weightsOf(r, "tiny-llama-a").path("verdict").asText());
        assertEquals("unrelated", weightsOf(r, "tiny-llama-b").path("verdict").asText(), "independent same-config run");
        assertEquals(4, r.path("weight_comparisons").size());
    }

    @Test
    void distilledTargetIsFoundByBehaviourWhileItsWeightsCannotMatch() throws Exception {
        JsonNode r = run("tiny-llama-a-distilled", "tiny-llama-a", "tiny-llama-b", "tiny-gpt2-a", "tiny-gpt2-a-ft");
        JsonNode set = r.path("provenance_set");
        assertEquals("tiny-llama-a", set.path("steps").get(0).path("model").asText(), set.path("steps").toString());
        assertEquals("tiny-llama-a", set.path("sets_by_alpha").path("0.05").get(0).asText(), r.toString());
        JsonNode teacher = weightsOf(r, "tiny-llama-a");
        assertTrue(!teacher.path("verdict").asText().equals("related"), "a student starts from fresh weights: " + teacher);
        boolean calledOut = false;
        for (JsonNode f : r.path("findings")) {
            if (f.path("kind").asText().equals("disagreement")) {
                for (JsonNode m : f.path("models")) {
                    calledOut |= m.asText().equals("tiny-llama-a");
                }
            }
        }
        assertTrue(calledOut || !teacher.path("verdict").asText().equals("unrelated"),
                "a member whose weights say unrelated is called out: " + r.path("findings"));
    }
}
