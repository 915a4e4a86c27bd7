package dev.pedigree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.testing.JsonSchemas;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Declared versus verified in {@code set --target}: the zoo's model cards declare their parents
 * ({@code base_model}), and the report sets each claim beside the provenance set and the weights. The
 * fine-tuned child declares its real parent (confirmed); the distilled student declares tiny-llama-b while
 * it was taught by tiny-llama-a (zoo/lineage.json), so the teacher found by behaviour is undeclared and the
 * declared parent, outside the set and unrelated by weights, is contradicted. Checked in the JSON findings
 * and lineage, the CycloneDX ancestors and the SARIF rule ids.
 */
class SetDeclaredLineageTest {
    private static final String ZOO = "src/test/resources/zoo/models/";

    @TempDir
    Path tmp;

    private record Outputs(JsonNode report, JsonNode bom, JsonNode sarif) {
    }

    /** The prompts and seed of {@code SetQueriedModelsTest} (its cached outputs), with the BOM and SARIF written too. */
    private Outputs run(String method, String target, String... candidates) throws Exception {
        Path bom = tmp.resolve("set.cdx.json");
        Path sarif = tmp.resolve("set.sarif");
        List<String> args = new ArrayList<>(List.of("set", "--target", ZOO + target, "--candidates"));
        for (String c : candidates) {
            args.add(ZOO + c);
        }
        args.addAll(List.of("--method", method, "--prompts", "sentences-en", "--prompt-count", "120", "--perms", "499", "--seed", "3",
                "--quiet", "--format", "json", "--cyclonedx", bom.toString(), "--sarif", sarif.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        assertEquals(ExitCode.DONE, cl.execute(args.toArray(String[]::new)), err.toString());
        ObjectMapper json = new ObjectMapper();
        Outputs o = new Outputs(json.readTree(out.toString()), json.readTree(Files.readString(bom)), json.readTree(Files.readString(sarif)));
        assertEquals(List.of(), JsonSchemas.cycloneDx16Errors(o.bom()));
        assertEquals(List.of(), JsonSchemas.sarif210Errors(o.sarif()));
        return o;
    }

    private static JsonNode subject(JsonNode report, String name) {
        for (JsonNode s : report.path("subjects")) {
            if (s.path("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no subject " + name + " in " + report.path("subjects"));
    }

    /** The finding of this kind about the target and {@code other}, or null. */
    private static JsonNode finding(JsonNode report, String kind, String target, String other) {
        for (JsonNode f : report.path("findings")) {
            List<String> models = new ArrayList<>();
            f.path("models").forEach(m -> models.add(m.asText()));
            if (f.path("kind").asText().equals(kind) && models.equals(List.of(target, other))) {
                return f;
            }
        }
        return null;
    }

    private static JsonNode edge(JsonNode report, String from, String to) {
        for (JsonNode e : report.path("lineage")) {
            if (e.path("from").asText().equals(from) && e.path("to").asText().equals(to)) {
                return e;
            }
        }
        throw new AssertionError("no lineage edge " + from + " -> " + to + " in " + report.path("lineage"));
    }

    /** The BOM's components in the target's pedigree ancestors, by name, with their lineage.status property. */
    private static List<String> ancestors(JsonNode bom) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : bom.path("metadata").path("component").path("pedigree").path("ancestors")) {
            String status = "";
            for (JsonNode p : c.path("properties")) {
                if (p.path("name").asText().endsWith("lineage.status")) {
                    status = p.path("value").asText();
                }
            }
            out.add(c.path("name").asText() + ":" + status);
        }
        return out;
    }

    private static List<String> ruleIds(JsonNode sarif) {
        List<String> ids = new ArrayList<>();
        sarif.path("runs").get(0).path("results").forEach(r -> ids.add(r.path("ruleId").asText()));
        return ids;
    }

    @Test
    void aChildThatDeclaresItsParentFoundInTheSetIsConfirmed() throws Exception {
        Outputs o = run("mps", "tiny-llama-a-ft", "tiny-llama-a", "tiny-llama-b", "tiny-gpt2-a", "tiny-llama-b-py-heavy");
        JsonNode r = o.report();

        JsonNode target = subject(r, "tiny-llama-a-ft");
        assertEquals(ZOO + "tiny-llama-a-ft", target.path("spec").asText(), "the spec the target was given as");
        assertEquals("safetensors", target.path("format").asText());
        assertTrue(target.path("digest").asText().matches("[0-9a-f]{64}"), target.toString());
        assertEquals("pedigree-zoo/tiny-llama-a", target.path("declared").path("base_models").get(0).asText(), target.toString());
        assertEquals("finetune", target.path("declared").path("relation").asText());
        for (String c : List.of("tiny-llama-a", "tiny-llama-b", "tiny-gpt2-a", "tiny-llama-b-py-heavy")) {
            JsonNode s = subject(r, c);
            assertEquals(ZOO + c, s.path("spec").asText(), s.toString());
            assertEquals("candidate", s.path("role").asText());
            assertTrue(s.path("declared").path("read").asBoolean(), "every candidate's card was read: " + s);
        }

        JsonNode confirmed = finding(r, "confirmed", "tiny-llama-a-ft", "tiny-llama-a");
        assertNotNull(confirmed, r.path("findings").toString());
        JsonNode parent = edge(r, "tiny-llama-a", "tiny-llama-a-ft");
        assertEquals("confirmed", parent.path("status").asText());
        List<String> evidence = new ArrayList<>();
        parent.path("evidence").forEach(e -> evidence.add(e.asText()));
        assertTrue(evidence.containsAll(List.of("declared", "black-box", "weights")), evidence.toString());
        assertEquals(null, finding(r, "undeclared", "tiny-llama-a-ft", "tiny-llama-a"), "declared, so not undeclared");
        assertEquals(null, finding(r, "contradicted", "tiny-llama-a-ft", "tiny-llama-a"));

        assertTrue(ancestors(o.bom()).contains("tiny-llama-a:confirmed"), ancestors(o.bom()).toString());
        assertTrue(ruleIds(o.sarif()).contains("PDG009"), ruleIds(o.sarif()).toString());
        assertTrue(!ruleIds(o.sarif()).contains("PDG002"), "nothing contradicts a declared parent: " + r.path("findings"));
    }

    @Test
    void aDistilledStudentsTeacherFoundByBehaviourIsUndeclared() throws Exception {
        Outputs o = run("mps", "tiny-llama-a-distilled", "tiny-llama-a", "tiny-llama-b", "tiny-gpt2-a", "tiny-gpt2-a-ft");
        JsonNode r = o.report();
        assertEquals("pedigree-zoo/tiny-llama-b", subject(r, "tiny-llama-a-distilled").path("declared").path("base_models").get(0).asText());

        JsonNode undeclared = finding(r, "undeclared", "tiny-llama-a-distilled", "tiny-llama-a");
        assertNotNull(undeclared, "the teacher is in the set and the card does not name it: " + r.path("findings"));
        assertEquals("undeclared", edge(r, "tiny-llama-a", "tiny-llama-a-distilled").path("status").asText());
        assertTrue(ancestors(o.bom()).contains("tiny-llama-a:undeclared"), ancestors(o.bom()).toString());
        assertTrue(ruleIds(o.sarif()).contains("PDG001"), ruleIds(o.sarif()).toString());

        // the paper's equal-means null also lets the declared (false) parent into this small pool (step 2): the claim
        // then stands on black-box evidence alone, and the weights' disagreement is what flags it
        assertEquals("confirmed", edge(r, "tiny-llama-b", "tiny-llama-a-distilled").path("status").asText());
        assertNotNull(finding(r, "disagreement", "tiny-llama-a-distilled", "tiny-llama-b"), r.path("findings").toString());
        assertTrue(ruleIds(o.sarif()).contains("PDG007"), ruleIds(o.sarif()).toString());
    }

    @Test
    void aDeclaredParentOutsideTheSetWithUnrelatedWeightsIsContradicted() throws Exception {
        // the calibrated set (the default) keeps the unrelated declared parent out; it is empty on this pool of 4
        Outputs o = run("calibrated", "tiny-llama-a-distilled", "tiny-llama-a", "tiny-llama-b", "tiny-gpt2-a", "tiny-gpt2-a-ft");
        JsonNode r = o.report();
        JsonNode contradicted = finding(r, "contradicted", "tiny-llama-a-distilled", "tiny-llama-b");
        assertNotNull(contradicted, "the declared parent is outside the set and its weights are unrelated: " + r.path("findings"));
        assertEquals("unrelated", contradicted.path("verdict").asText(), contradicted.toString());
        assertEquals("contradicted", edge(r, "tiny-llama-b", "tiny-llama-a-distilled").path("status").asText());

        assertTrue(ancestors(o.bom()).stream().noneMatch(a -> a.startsWith("tiny-llama-b:")), "a contradicted claim is no ancestor");
        String notes = o.bom().path("metadata").path("component").path("pedigree").path("notes").asText();
        assertTrue(notes.contains("tiny-llama-b") && notes.contains("contradicted"), notes);
        assertTrue(ruleIds(o.sarif()).contains("PDG002"), ruleIds(o.sarif()).toString());
        // a candidate's own claim about a parent the set did not test is listed, not judged
        assertEquals("declared-only", edge(r, "tiny-gpt2-a", "tiny-gpt2-a-ft").path("status").asText());
        assertNotNull(finding(r, "unverified", "tiny-gpt2-a-ft", "tiny-gpt2-a"), r.path("findings").toString());
    }
}
