package dev.pedigree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pedigree set --matrix}: the report's keys, exit codes, and every malformed-matrix refusal. */
class SetCommandTest {
    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {
    }

    private Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** 8 candidates × 150 prompts; "source-a" and "source-b" are planted nearer the target. */
    private Path plantedMatrix(boolean header) throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        List<String> lines = new ArrayList<>();
        int n = 150;
        if (header) {
            StringBuilder h = new StringBuilder("candidate");
            for (int t = 1; t <= n; t++) {
                h.append(",p").append(t);
            }
            lines.add(h.toString());
        }
        String[] names = {"m0", "source-a", "m2", "m3", "source-b", "m5", "m6", "m7"};
        double[] prompt = new double[n];
        for (int t = 0; t < n; t++) {
            prompt[t] = 0.5 + 0.1 * random.nextGaussian();
        }
        for (String name : names) {
            StringBuilder row = new StringBuilder(name);
            double shift = name.startsWith("source") ? -0.4 : 0;
            for (int t = 0; t < n; t++) {
                row.append(',').append(String.format(Locale.ROOT, "%.6f", prompt[t] + shift + 0.5 * random.nextGaussian()));
            }
            lines.add(row.toString());
        }
        Path file = dir.resolve(header ? "L.csv" : "L-noheader.csv");
        Files.write(file, lines);
        return file;
    }

    @Test
    void jsonReportCarriesTheSetStepsLevelsAndProvenance() throws IOException {
        Outcome o = run("set", "--method", "mps", "--matrix", plantedMatrix(true).toString(), "--alpha", "0.05", "--perms", "199", "--seed", "3",
                "--format", "json");
        assertEquals(0, o.code(), o.err());
        JsonNode report = new ObjectMapper().readTree(o.out());
        assertEquals("set", report.get("job").asText());
        assertEquals(3, report.at("/seeds/permutations").asLong());
        JsonNode json = report.get("provenance_set");
        for (String key : List.of("method", "alpha", "permutations", "seed", "members", "steps", "sets_by_alpha",
                "ni_scores", "stopped_because", "p_value_resolution", "beside", "background", "explanations")) {
            assertTrue(json.has(key), "missing key " + key + " in " + json);
        }
        assertEquals("mps", json.get("method").asText());
        assertEquals(199, json.get("permutations").asInt());
        assertEquals(3, json.get("seed").asLong());
        assertEquals(0.05, json.get("alpha").asDouble());
        JsonNode set = json.get("members");
        assertEquals(2, set.size(), o.out());
        assertTrue(set.get(0).get("model").asText().startsWith("source-"), o.out());
        assertTrue(set.get(1).get("model").asText().startsWith("source-"), o.out());
        assertEquals(0.005, set.get(0).get("p_value").asDouble(), 1e-12);
        assertEquals(-Math.log10(0.005), set.get(0).get("ni_score").asDouble(), 1e-9);
        JsonNode step = json.get("steps").get(0);
        for (String key : List.of("model", "statistic", "p_value", "monotone_p_value")) {
            assertTrue(step.has(key), "step lacks " + key);
        }
        JsonNode sets = json.get("sets_by_alpha");
        assertEquals(List.of("0.01", "0.05", "0.1"), iterator(sets));
        assertEquals(8, json.get("ni_scores").size());
        assertEquals("not_significant", json.get("stopped_because").asText());
        assertEquals("calibrated", json.at("/beside/method").asText(), "the other method beside the headline");
        assertEquals(8, json.get("explanations").size());
    }

    private static List<String> iterator(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void headerlessMatrixGivesTheSameSetAndTableIsReadable() throws IOException {
        Outcome withHeader = run("set", "--matrix", plantedMatrix(true).toString(), "--perms", "199", "--format", "json");
        Outcome without = run("set", "--matrix", plantedMatrix(false).toString(), "--perms", "199", "--format", "json");
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(mapper.readTree(withHeader.out()).at("/provenance_set/steps"), mapper.readTree(without.out()).at("/provenance_set/steps"));
        assertEquals(mapper.readTree(withHeader.out()).at("/provenance_set/beside/steps"),
                mapper.readTree(without.out()).at("/provenance_set/beside/steps"));
        Outcome table = run("set", "--method", "mps", "--matrix", plantedMatrix(true).toString(), "--perms", "199");
        assertEquals(0, table.code());
        assertTrue(table.out().contains("provenance set of target (method mps, alpha 0.05): source-"), table.out());
        assertTrue(table.out().contains("NI-scores"), table.out());
    }

    @Test
    void failOnLinkExitsOneWhenTheSetIsNotEmptyAndZeroWhenItIs() throws IOException {
        Path planted = plantedMatrix(true);
        assertEquals(1, run("set", "--matrix", planted.toString(), "--perms", "99", "--fail-on", "link").code());
        assertEquals(1, run("set", "--matrix", planted.toString(), "--perms", "99", "--fail-on", "set-member").code());
        assertEquals(0, run("set", "--matrix", planted.toString(), "--perms", "99").code(), "no --fail-on: a finding is not a failure");
        Path flat = dir.resolve("flat.csv");
        Files.writeString(flat, "a,1,2,3\nb,1,2,3\nc,1,2,3\n");
        Outcome o = run("set", "--matrix", flat.toString(), "--perms", "99", "--fail-on", "link", "--format", "json");
        assertEquals(0, o.code(), o.err());
        assertEquals(0, new ObjectMapper().readTree(o.out()).at("/provenance_set/members").size(), o.out());
    }

    @Test
    void theOldFailOnLinkFlagIsGone() throws IOException {
        Outcome o = run("set", "--matrix", plantedMatrix(true).toString(), "--perms", "99", "--fail-on-link");
        assertEquals(2, o.code(), "one way to fail on a link: --fail-on link");
        assertTrue(o.err().contains("--fail-on-link"), o.err());
    }

    @Test
    void referencesAreKeptOutOfTheSet() throws IOException {
        Outcome o = run("set", "--matrix", plantedMatrix(true).toString(), "--perms", "99", "--reference", "m0", "m2",
                "--format", "json");
        assertEquals(0, o.code(), o.err());
        JsonNode json = new ObjectMapper().readTree(o.out()).get("provenance_set");
        List<String> members = new ArrayList<>();
        json.get("members").forEach(m -> members.add(m.get("model").asText()));
        assertEquals(List.of("source-a", "source-b"), members.stream().sorted().toList(), o.out());
        assertEquals("[\"m0\",\"m2\"]", json.get("references").toString());
        assertEquals(6, json.get("ni_scores").size());
        assertTrue(!json.get("ni_scores").has("m0") && !json.get("ni_scores").has("m2"));
        assertEquals("[\"m0\",\"m2\"]", json.at("/beside/references").toString(), "the method beside it keeps the references too");
    }

    @Test
    void aPoolReducedToOneModelIsReportedAsUntested() throws IOException {
        Path file = dir.resolve("two.csv");
        StringBuilder a = new StringBuilder("near");
        StringBuilder b = new StringBuilder("far");
        SplittableRandom random = new SplittableRandom(2);
        for (int t = 0; t < 40; t++) {
            a.append(',').append(0.1 + 0.01 * random.nextDouble());
            b.append(',').append(0.9 + 0.01 * random.nextDouble());
        }
        Files.writeString(file, a + "\n" + b + "\n");
        Outcome o = run("set", "--method", "mps", "--matrix", file.toString(), "--perms", "99", "--format", "json");
        JsonNode json = new ObjectMapper().readTree(o.out()).get("provenance_set");
        assertEquals("pool_reduced_to_one_model", json.get("stopped_because").asText(), o.out());
        assertEquals("near", json.get("members").get(0).get("model").asText());
        assertEquals("[\"far\"]", json.get("untested").toString());
        assertTrue(json.get("ni_scores").get("far").isNull());
        Outcome table = run("set", "--method", "mps", "--matrix", file.toString(), "--perms", "99");
        assertTrue(table.out().contains("far could not be tested"), table.out());
    }

    private void assertRefused(String content, String... expected) throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, content);
        Outcome o = run("set", "--matrix", file.toString(), "--perms", "9");
        assertEquals(2, o.code(), o.out() + o.err());
        String message = o.err().strip();
        assertEquals(1, message.lines().count(), "one line: " + message);
        assertTrue(message.contains(file.toString()), "names the file: " + message);
        for (String e : expected) {
            assertTrue(message.contains(e), "'" + e + "' missing from: " + message);
        }
    }

    @Test
    void raggedRowsAreRefused() throws IOException {
        assertRefused("candidate,p1,p2,p3\na,1,2,3\nb,1,2\n", "line 3", "ragged");
    }

    @Test
    void nanAndInfinityAreRefused() throws IOException {
        assertRefused("candidate,p1,p2\na,1,NaN\nb,1,2\n", "line 2", "NaN", "finite");
        assertRefused("a,1,2\nb,inf,2\n", "line 2", "inf", "finite");
    }

    @Test
    void nonNumbersAreRefused() throws IOException {
        assertRefused("candidate,p1,p2\na,1,0.5x\nb,1,2\n", "line 2", "column 3", "not a number");
    }

    @Test
    void fewerThanTwoCandidatesAreRefused() throws IOException {
        assertRefused("candidate,p1,p2\na,1,2\n", "1 model row", "at least 2");
    }

    @Test
    void duplicateNamesAreRefused() throws IOException {
        assertRefused("candidate,p1,p2\na,1,2\nb,1,2\na,3,4\n", "line 4", "duplicate", "'a'", "line 2");
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        assertRefused("", "empty");
        assertRefused("candidate,p1,p2\n\n", "empty");
    }

    @Test
    void unknownReferenceIsRefused() throws IOException {
        Path file = dir.resolve("ok.csv");
        Files.writeString(file, "a,1,2\nb,3,4\n");
        Outcome o = run("set", "--matrix", file.toString(), "--reference", "nobody");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("nobody") && o.err().contains(file.toString()), o.err());
    }
}
