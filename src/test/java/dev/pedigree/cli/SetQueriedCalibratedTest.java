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
 * {@code pedigree set --target … --candidates …} with the default (calibrated) method on the zoo's tiny
 * causal LMs: the candidate-to-candidate distances are measured from the models, the calibrated set is the
 * headline and the paper-faithful one is beside it, every candidate explained.
 */
class SetQueriedCalibratedTest {
    private static final String ZOO = "src/test/resources/zoo/models/";
    private static final List<String> CANDIDATES = List.of("tiny-llama-a", "tiny-llama-b", "tiny-gpt2-a", "tiny-llama-b-py-heavy");

    private static JsonNode run(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("set", "--target", ZOO + "tiny-llama-a-ft", "--candidates"));
        CANDIDATES.forEach(c -> args.add(ZOO + c));
        args.addAll(List.of("--prompts", "sentences-en", "--prompt-count", "120", "--perms", "199", "--seed", "3", "--quiet",
                "--no-weights", "--format", "json"));
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        assertEquals(ExitCode.DONE, cl.execute(args.toArray(String[]::new)), err.toString());
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void candidateDistancesAreMeasuredAndBothSetsReported() throws Exception {
        JsonNode r = run();
        assertEquals("calibrated", r.path("method").asText());
        assertEquals("pairwise:measured", r.path("calibration").asText());
        assertEquals("tiny-llama-a", r.path("steps").get(0).path("candidate").asText(), r.path("steps").toString());
        assertTrue(r.path("steps").get(0).path("t_statistic").asDouble() < -2, r.path("steps").toString());
        assertEquals("tiny-llama-a", r.path("paper_faithful").path("provenance_set").get(0).path("model").asText());
        for (String c : CANDIDATES) {
            assertTrue(r.path("explanation").path(c).path("text").asText().length() > 10, c + " in " + r.path("explanation"));
        }
        assertTrue(r.path("black_box").path("mean_distance").has("tiny-llama-a"));
    }

    @Test
    void withoutPairwiseTheBackgroundComesFromTheTargetRow() throws Exception {
        JsonNode r = run("--no-pairwise");
        assertEquals("pool", r.path("calibration").asText());
        assertEquals("tiny-llama-a", r.path("steps").get(0).path("candidate").asText(), r.path("steps").toString());
    }
}
