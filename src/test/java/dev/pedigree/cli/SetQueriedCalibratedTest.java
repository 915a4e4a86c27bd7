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
        JsonNode set = r.path("provenance_set");
        assertEquals("calibrated", set.path("method").asText());
        assertEquals("pairwise:measured", set.path("background").path("source").asText());
        assertEquals(CANDIDATES.size(), set.path("background").path("eccentricities").size(), set.path("background").toString());
        assertEquals("tiny-llama-a", set.path("steps").get(0).path("model").asText(), set.path("steps").toString());
        assertTrue(set.path("steps").get(0).path("statistic").asDouble() < -2, set.path("steps").toString());
        assertEquals("mps", set.path("beside").path("method").asText());
        assertEquals("tiny-llama-a", set.path("beside").path("members").get(0).path("model").asText());
        List<String> explained = new ArrayList<>();
        for (JsonNode e : set.path("explanations")) {
            explained.add(e.path("model").asText());
            assertTrue(e.path("text").asText().length() > 10, e.toString());
        }
        assertEquals(CANDIDATES, explained);
        List<String> distances = new ArrayList<>();
        r.path("distances").path("candidates").forEach(c -> distances.add(c.path("model").asText()));
        assertEquals(CANDIDATES, distances);
        List<String> phases = new ArrayList<>();
        r.path("timings_ms").fieldNames().forEachRemaining(phases::add);
        assertEquals(List.of("queries", "sets", "files"), phases, "--no-weights: the files are still read for the declared lineage");
    }

    @Test
    void withoutPairwiseTheBackgroundComesFromTheTargetRow() throws Exception {
        JsonNode r = run("--no-pairwise", "--no-digest");
        JsonNode target = r.path("subjects").get(0);
        assertEquals("tiny-llama-a-ft", target.path("name").asText());
        assertTrue(target.path("digest").isNull(), "--no-digest: " + target);
        assertEquals("safetensors", target.path("format").asText(), "the files are read all the same");
        assertEquals("pedigree-zoo/tiny-llama-a", target.path("declared").path("base_models").get(0).asText(), target.toString());
        JsonNode set = r.path("provenance_set");
        assertEquals("pool", set.path("background").path("source").asText());
        assertEquals("tiny-llama-a", set.path("steps").get(0).path("model").asText(), set.path("steps").toString());
    }
}
