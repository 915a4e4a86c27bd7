package dev.pedigree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pedigree set --method calibrated|mps [--pairwise P.csv]} on the real encoders' representation
 * distances (src/test/resources/calibrated: 300 English prompts, made with the black-box encoders; see
 * experiments/calibrated-real/README.md): the calibrated headline, the paper-faithful set beside it, and an
 * explanation for every candidate.
 */
class SetCommandCalibratedTest {
    private static final List<String> MINILM_POOL = List.of("all-minilm-l6-v2", "bge-small-en", "bge-small-en-v1.5",
            "e5-small-v2", "bge-small-zh", "bge-small-zh-v1.5");

    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private static String resource(String name) {
        try {
            return Path.of(SetCommandCalibratedTest.class.getResource("/calibrated/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The report's provenance-set section. */
    private static JsonNode json(Outcome o) throws IOException {
        assertEquals(0, o.code(), o.err());
        return new ObjectMapper().readTree(o.out()).get("provenance_set");
    }

    private static List<String> models(JsonNode set) {
        List<String> names = new ArrayList<>();
        set.forEach(m -> names.add(m.get("model").asText()));
        return names;
    }

    /** Explanations by candidate. */
    private static Map<String, JsonNode> explanations(JsonNode section) {
        Map<String, JsonNode> byModel = new LinkedHashMap<>();
        section.get("explanations").forEach(e -> byModel.put(e.get("model").asText(), e));
        return byModel;
    }

    @Test
    void calibratedIsTheDefaultAndKeepsOnlyTheTwinWhileTheFaithfulSetTakesFiveOfSix() throws IOException {
        JsonNode json = json(run("set", "--matrix", resource("target-all-minilm-l6-v2-q.csv"), "--pairwise",
                resource("pairwise-means.csv"), "--perms", "999", "--seed", "1", "--format", "json"));
        assertEquals("calibrated", json.get("method").asText());
        assertTrue(json.at("/background/source").asText().startsWith("pairwise:"));
        assertEquals(List.of("all-minilm-l6-v2"), models(json.get("members")));
        JsonNode faithful = json.get("beside");
        assertEquals("mps", faithful.get("method").asText());
        assertEquals(5, faithful.get("members").size(), faithful.toString());
        assertEquals("all-minilm-l6-v2", faithful.get("steps").get(0).get("model").asText());
        assertTrue(faithful.get("steps").get(0).get("statistic").asDouble() < -10, "the paper's t of the twin");
        assertEquals(json.get("seed"), faithful.get("seed"));
        assertEquals(json.get("permutations"), faithful.get("permutations"));
        Map<String, JsonNode> explanation = explanations(json);
        assertEquals(MINILM_POOL, List.copyOf(explanation.keySet()));
        for (String name : MINILM_POOL) {
            assertTrue(explanation.get(name).get("text").asText().length() > 20, name);
        }
        assertTrue(explanation.get("all-minilm-l6-v2").get("text").asText().startsWith("in both sets"));
        assertTrue(explanation.get("bge-small-zh-v1.5").get("text").asText().startsWith("paper-faithful set only"));
        assertTrue(!explanation.get("bge-small-zh-v1.5").get("in_calibrated_set").asBoolean()
                && explanation.get("bge-small-zh-v1.5").get("in_paper_faithful_set").asBoolean());
        assertTrue(explanation.get("bge-small-zh").get("text").asText().startsWith("in neither set"));
        assertTrue(explanation.get("all-minilm-l6-v2").get("background_z").asDouble() < -10);
        for (String name : MINILM_POOL.subList(1, MINILM_POOL.size())) {
            assertTrue(Math.abs(explanation.get(name).get("background_z").asDouble()) < 3, name + " " + explanation.get(name));
        }
        assertEquals(List.of("all-minilm-l6-v2"), names(json.get("sets_by_alpha").get("0.01")));
        // the pairwise background: one eccentricity per model, the Chinese encoders far from everything
        JsonNode eccentricity = json.at("/background/eccentricities");
        assertEquals(MINILM_POOL.size(), eccentricity.size());
        assertTrue(eccentricity.get("bge-small-zh").asDouble() > 2 * eccentricity.get("bge-small-en").asDouble(), eccentricity.toString());
        assertTrue(json.at("/background/scale").asDouble() > 0);
    }

    @Test
    void withBgeSmallEnAsTargetItsNewerVersionComesFirstAndAlone() throws IOException {
        JsonNode json = json(run("set", "--matrix", resource("target-bge-small-en.csv"), "--pairwise",
                resource("pairwise-means.csv"), "--perms", "999", "--format", "json"));
        assertEquals("bge-small-en-v1.5", json.get("steps").get(0).get("model").asText());
        assertEquals(List.of("bge-small-en-v1.5"), models(json.get("members")));
        assertEquals("bge-small-en-v1.5", json.at("/beside/steps/0/model").asText());
    }

    @Test
    void withoutPairwiseDistancesTheBackgroundComesFromThePoolAndTheTwinIsStillTheNearest() throws IOException {
        JsonNode json = json(run("set", "--matrix", resource("target-all-minilm-l6-v2-q.csv"), "--perms", "199", "--format", "json"));
        JsonNode background = json.get("background");
        assertEquals("pool", background.get("source").asText());
        assertEquals(6, background.get("models").asInt());
        assertTrue(background.get("location").isNumber() && background.get("spread").isNumber(), background.toString());
        assertEquals(0, background.get("eccentricities").size());
        assertEquals("all-minilm-l6-v2", json.get("steps").get(0).get("model").asText());
        // six models, two of them far from everything: the robust spread of the target's own row is wide, so
        // the twin stands only 1.5 background SDs below the typical model (see experiments/calibrated-real)
        assertTrue(json.get("steps").get(0).get("statistic").asDouble() < -1);
    }

    @Test
    void methodMpsMakesThePaperTheHeadlineWithTheCalibratedSetBeside() throws IOException {
        JsonNode json = json(run("set", "--method", "mps", "--matrix", resource("target-all-minilm-l6-v2-q.csv"), "--pairwise",
                resource("pairwise-means.csv"), "--perms", "199", "--format", "json"));
        assertEquals("mps", json.get("method").asText());
        assertEquals(5, json.get("members").size());
        assertEquals("calibrated", json.at("/beside/method").asText());
        assertEquals(List.of("all-minilm-l6-v2"), models(json.at("/beside/members")));
        assertTrue(json.at("/background/source").asText().startsWith("pairwise:"), "the calibrated background, whichever is the headline");
        assertEquals(MINILM_POOL.size(), json.get("explanations").size());
    }

    @Test
    void theTableShowsBothSetsAndEveryCandidate() {
        Outcome o = run("set", "--matrix", resource("target-bge-small-en.csv"), "--pairwise", resource("pairwise-means.csv"),
                "--perms", "199");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("provenance set of target (method calibrated, alpha 0.05): bge-small-en-v1.5\n"), o.out());
        assertTrue(o.out().contains("beside it, method mps (alpha 0.05): bge-small-en-v1.5, "), o.out());
        assertTrue(o.out().contains("calibrated background: pairwise:"), o.out());
        assertTrue(o.out().contains("candidate by candidate"), o.out());
        List<String> rows = o.out().lines().filter(l -> l.startsWith("  e5-small-v2 ")).toList();
        assertEquals(1, rows.stream().filter(l -> l.matches("  e5-small-v2 +out +in +-?\\d+\\.\\d\\d  paper-faithful set only .*")).count(),
                "e5 explained as a paper-faithful-only member: " + rows);
        for (String name : List.of("all-minilm-l6-v2-q", "all-minilm-l6-v2", "bge-small-en-v1.5", "e5-small-v2", "bge-small-zh", "bge-small-zh-v1.5")) {
            assertTrue(o.out().lines().anyMatch(l -> l.matches("  " + java.util.regex.Pattern.quote(name) + " +(in|out) +(in|out) .*")),
                    name + " has an explanation row");
        }
    }

    @Test
    void theSameSeedGivesTheSameReport() throws IOException {
        String[] args = {"set", "--matrix", resource("target-bge-small-en.csv"), "--pairwise", resource("pairwise-means.csv"),
                "--perms", "199", "--seed", "9", "--format", "json"};
        Outcome first = run(args);
        Outcome second = run(args);
        assertEquals(0, first.code(), first.err());
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode a = (ObjectNode) mapper.readTree(first.out());
        ObjectNode b = (ObjectNode) mapper.readTree(second.out());
        assertEquals(List.of("read", "sets"), iterator(a.get("timings_ms")), "the report records how long each phase took");
        for (ObjectNode report : List.of(a, b)) {
            // when and how long: the only fields a rerun may change
            report.remove(List.of("created_at", "timings_ms"));
        }
        assertEquals(a, b);
    }

    @Test
    void badMethodsAndPairwiseFilesAreRefusedWithExitTwo() throws IOException {
        Outcome method = run("set", "--method", "fancy", "--matrix", resource("target-bge-small-en.csv"));
        assertEquals(2, method.code());
        assertTrue(method.err().contains("--method fancy"), method.err());

        Path partial = dir.resolve("partial.csv");
        Files.writeString(partial, "candidate,all-minilm-l6-v2,bge-small-en,e5-small-v2\n"
                + "all-minilm-l6-v2,0,0.36,0.30\nbge-small-en,0.36,0,0.30\ne5-small-v2,0.30,0.30,0\n");
        Outcome missing = run("set", "--matrix", resource("target-all-minilm-l6-v2-q.csv"), "--pairwise", partial.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no row for model bge-small-en-v1.5"), missing.err());

        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "a,0,1,2,3\nb,1,0,2,3\nc,2,2,0,3\n");
        Outcome notSquare = run("set", "--matrix", resource("target-bge-small-en.csv"), "--pairwise", ragged.toString());
        assertEquals(2, notSquare.code());
        assertTrue(notSquare.err().contains("must be square"), notSquare.err());

        Path shuffled = dir.resolve("shuffled.csv");
        Files.writeString(shuffled, "candidate,b,a,c\na,0,1,2\nb,1,0,2\nc,2,2,0\n");
        Outcome header = run("set", "--matrix", resource("target-bge-small-en.csv"), "--pairwise", shuffled.toString());
        assertEquals(2, header.code());
        assertTrue(header.err().contains("are not the row names"), header.err());
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    private static List<String> iterator(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
