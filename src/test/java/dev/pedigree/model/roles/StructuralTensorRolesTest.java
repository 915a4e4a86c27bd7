package dev.pedigree.model.roles;

import static dev.pedigree.model.roles.RenamedCheckpoints.LLAMA_HINT_FREE;
import static dev.pedigree.model.roles.RenamedCheckpoints.ZOO;
import static dev.pedigree.model.roles.RenamedCheckpoints.orderedMap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.model.Role;
import dev.pedigree.model.RoleAssignment;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.TensorRole;
import dev.pedigree.model.TensorStore;
import dev.pedigree.model.open.Model;
import dev.pedigree.model.safetensors.SafetensorsTestFile;
import dev.pedigree.report.InspectReport;
import dev.pedigree.report.InspectTableRenderer;
import dev.pedigree.report.ReportJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Roles inferred from structure, checked role by role against what the naming table gives the
 * same tensors under their original names: the zoo's sharded, renamed fine-tune (names and
 * {@code model_type zoo_lm} written by experiments/zoo), and renamings made up here of a Llama-style
 * decoder (the zoo's tiny-llama-a) and of a BERT encoder, with names that carry no role words.
 */
class StructuralTensorRolesTest {
    @TempDir
    Path dir;

    /** The order a Llama module lists its parameters in, for the renamed names. */
    static final Comparator<String> LLAMA_MODEL_ORDER = RenamedCheckpoints.modelOrder(List.of("net.omega"),
            List.of("mix.b", "mix.d", "mix.c", "mix.a", "ff.z", "ff.x", "ff.y", "n2", "n1"), List.of("net.sigma", "net.alpha"));

    /** The inverse of experiments/zoo/zoo/build.py's tamper renaming (tiny-llama-a-ft-sharded-renamed). */
    private static String zooOriginalName(String renamed) {
        String[][] rules = {
            {"^backbone\\.blocks\\.(\\d+)\\.attention\\.w([qkvo])\\.", "model.layers.$1.self_attn.$2_proj."},
            {"^backbone\\.blocks\\.(\\d+)\\.ffn\\.w1\\.", "model.layers.$1.mlp.gate_proj."},
            {"^backbone\\.blocks\\.(\\d+)\\.ffn\\.w2\\.", "model.layers.$1.mlp.down_proj."},
            {"^backbone\\.blocks\\.(\\d+)\\.ffn\\.w3\\.", "model.layers.$1.mlp.up_proj."},
            {"^backbone\\.blocks\\.(\\d+)\\.attention_norm\\.", "model.layers.$1.input_layernorm."},
            {"^backbone\\.blocks\\.(\\d+)\\.ffn_norm\\.", "model.layers.$1.post_attention_layernorm."},
            {"^backbone\\.tok_embeddings\\.", "model.embed_tokens."}, {"^backbone\\.norm\\.", "model.norm."}, {"^output\\.", "lm_head."}};
        for (String[] r : rules) {
            String out = renamed.replaceFirst(r[0], r[1]);
            if (!out.equals(renamed)) {
                return out;
            }
        }
        throw new AssertionError("not a name the zoo renaming writes: " + renamed);
    }

    /** Every tensor of {@code inferred} has the role {@code named} gives it under its original name, and every role is used. */
    static void assertSameRoles(TensorStore named, TensorStore inferred, UnaryOperator<String> originalName) {
        assertEquals(named.tensors().size(), inferred.tensors().size());
        for (TensorInfo t : inferred.tensors()) {
            TensorRole expected = named.byName(originalName.apply(t.name())).orElseThrow().role();
            assertEquals(expected, t.role(), t.name());
        }
    }

    private static UnaryOperator<String> inverse(UnaryOperator<String> rename, TensorStore named) {
        Map<String, String> back = new LinkedHashMap<>();
        named.tensors().forEach(t -> back.put(rename.apply(t.name()), t.name()));
        return back::get;
    }

    @Test
    void zooShardedRenamedFineTuneGetsItsParentsRolesFromStructure() {
        try (Model parent = RenamedCheckpoints.open(ZOO.resolve("tiny-llama-a"));
                Model renamed = RenamedCheckpoints.open(ZOO.resolve("tiny-llama-a-ft-sharded-renamed"))) {
            assertSameRoles(parent.store(), renamed.store(), StructuralTensorRolesTest::zooOriginalName);
            RoleAssignment a = renamed.store().roleAssignment();
            assertEquals(RoleAssignment.Method.STRUCTURE, a.method());
            assertEquals(RoleAssignment.Confidence.HIGH, a.confidence(), a.basis().toString());
            assertTrue(a.ambiguous().stream().allMatch(RoleAssignment.Ambiguity::decided), "nothing tentative: " + a.ambiguous());
            assertTrue(a.summary().startsWith("roles inferred from structure (no naming table for model_type zoo_lm), confidence high"), a.summary());
            assertTrue(a.basis().contains("every layer, attention q/o: attention.wo [32, 32] = o, attention.wq [32, 32] = q (by names)"), a.basis().toString());
            assertTrue(a.basis().stream().anyMatch(b -> b.startsWith("every layer, MLP gate/up: ffn.w1 [64, 32] = gate, ffn.w3 [64, 32] = up (by names)")),
                    a.basis().toString());
            assertEquals(RoleAssignment.Method.NAMING_TABLE, parent.store().roleAssignment().method());
        }
    }

    @Test
    void llamaRenamedWithoutRoleWordsInItsOwnOrderGetsTheTablesRoles() throws IOException {
        Path copy = RenamedCheckpoints.copy(ZOO.resolve("tiny-llama-a"), dir.resolve("ordered"), LLAMA_HINT_FREE, "made_up_lm", LLAMA_MODEL_ORDER);
        try (Model parent = RenamedCheckpoints.open(ZOO.resolve("tiny-llama-a")); Model renamed = RenamedCheckpoints.open(copy)) {
            assertSameRoles(parent.store(), renamed.store(), inverse(LLAMA_HINT_FREE, parent.store()));
            RoleAssignment a = renamed.store().roleAssignment();
            assertEquals(RoleAssignment.Confidence.MEDIUM, a.confidence(), "file order decided: " + a.basis());
            assertTrue(a.ambiguous().stream().allMatch(RoleAssignment.Ambiguity::decided), "nothing tentative: " + a.ambiguous());
        }
    }

    @Test
    void sortedNamesWithoutRoleWordsLeaveShapeTwinsTentativeUntilMatchedAgainstTheParent() throws IOException {
        Path copy = RenamedCheckpoints.copy(ZOO.resolve("tiny-llama-a-ft"), dir.resolve("sorted"), LLAMA_HINT_FREE, "made_up_lm",
                Comparator.naturalOrder());
        try (Model parent = RenamedCheckpoints.open(ZOO.resolve("tiny-llama-a")); Model renamed = RenamedCheckpoints.open(copy)) {
            RoleAssignment a = renamed.store().roleAssignment();
            assertEquals(RoleAssignment.Confidence.LOW, a.confidence());
            assertEquals(List.of("embedding/head", "MLP gate/up", "attention q/o", "attention k/v", "norms"),
                    a.ambiguous().stream().map(RoleAssignment.Ambiguity::what).toList());
            // Sorted, the new names put every pair the wrong way round: the tentative roles are wrong.
            assertEquals(Role.O, renamed.store().byName("net.stack.0.mix.b.weight").orElseThrow().role().role());
            UnaryOperator<String> original = inverse(LLAMA_HINT_FREE, parent.store());
            AmbiguousRoleResolution.Resolution r = AmbiguousRoleResolution.resolve(renamed.store(), parent.store(), "B");
            assertSameRoles(parent.store(), r.store(), original);
            r.lines().forEach(System.out::println);
            assertEquals(5, r.lines().size());
            assertTrue(r.lines().get(2).startsWith("roles of B, attention q/o: told apart against the other model by row/column norm profiles: "
                    + "net.stack.0.mix.a = o, net.stack.0.mix.b = q"), r.lines().get(2));
        }
    }

    @Test
    void aKnownModelTypeWhoseTableMapsNoneOfTheRenamedTensorsFallsBackToStructure() throws IOException {
        Path copy = RenamedCheckpoints.copy(ZOO.resolve("tiny-llama-a"), dir.resolve("still-llama"), LLAMA_HINT_FREE, "llama", LLAMA_MODEL_ORDER);
        try (Model parent = RenamedCheckpoints.open(ZOO.resolve("tiny-llama-a")); Model renamed = RenamedCheckpoints.open(copy)) {
            assertSameRoles(parent.store(), renamed.store(), inverse(LLAMA_HINT_FREE, parent.store()));
            assertTrue(renamed.store().roleAssignment().summary().startsWith(
                    "roles inferred from structure (the naming table for model_type llama maps none of the tensors), confidence medium"),
                    renamed.store().roleAssignment().summary());
        }
    }

    @Test
    void bertRenamedWithoutRoleWordsInItsOwnOrderGetsTheBertTablesRoles() throws IOException {
        Map<String, long[]> bert = bertTensors(8, 16, 40, 12, 2);
        Path original = writeModel(dir.resolve("bert"), bert, "bert", Comparator.comparing(new ArrayList<>(bert.keySet())::indexOf));
        UnaryOperator<String> rename = RenamedCheckpoints.replacing(orderedMap("bert.embeddings.word_embeddings", "enc.table_a",
                "bert.embeddings.position_embeddings", "enc.table_b", "bert.embeddings.token_type_embeddings", "enc.table_c",
                "bert.embeddings.LayerNorm", "enc.scale0", "bert.encoder.layer.", "enc.cells.", "attention.self.query", "mix.r1",
                "attention.self.key", "mix.r2", "attention.self.value", "mix.r3", "attention.output.dense", "mix.r4",
                "attention.output.LayerNorm", "scale1", "intermediate.dense", "fw.l1", "output.dense", "fw.l2", "output.LayerNorm", "scale2",
                "bert.pooler.dense", "enc.pool"));
        List<String> renamedOrder = bert.keySet().stream().map(rename).toList();
        Path copy = writeModel(dir.resolve("renamed"), renamed(bert, rename), "made_up_encoder", Comparator.comparing(renamedOrder::indexOf));
        try (Model named = RenamedCheckpoints.open(original); Model inferred = RenamedCheckpoints.open(copy)) {
            assertEquals(RoleAssignment.Method.NAMING_TABLE, named.store().roleAssignment().method());
            assertTrue(named.store().tensors().stream().noneMatch(t -> t.role().equals(TensorRole.UNMAPPED)));
            assertSameRoles(named.store(), inferred.store(), inverse(rename, named.store()));
            RoleAssignment a = inferred.store().roleAssignment();
            assertTrue(a.basis().contains("the layer norms follow their sub-blocks (post-norm): the embeddings are normalised and no final norm follows the blocks"),
                    a.basis().toString());
            assertEquals(RoleAssignment.Confidence.MEDIUM, a.confidence());
        }
    }

    @Test
    void namesWithoutARepeatedBlockGetNoRolesAndSayWhy() throws IOException {
        Map<String, long[]> flat = new LinkedHashMap<>();
        flat.put("embed.weight", new long[] {40, 8});
        flat.put("mixer.weight", new long[] {8, 8});
        flat.put("mixer.bias", new long[] {8});
        flat.put("readout.weight", new long[] {40, 8});
        Path model = writeModel(dir.resolve("flat"), flat, "flat_lm", Comparator.naturalOrder());
        try (Model m = RenamedCheckpoints.open(model)) {
            RoleAssignment a = m.store().roleAssignment();
            assertEquals(RoleAssignment.Method.NONE, a.method());
            assertEquals("no roles (no naming table for model_type flat_lm): roles not inferred from structure: the tensor names show no repeated "
                    + "numbered block (a path like blocks.N.* with N = 0, 1, ...)", a.summary());
            assertTrue(m.store().tensors().stream().allMatch(t -> t.role().equals(TensorRole.UNMAPPED)));
        }
    }

    @Test
    void gpt2sFusedConv1dLayoutIsNotInferred() throws IOException {
        UnaryOperator<String> rename = n -> n.replace("transformer.h.", "body.units.").replace("transformer.", "body.");
        Path copy = RenamedCheckpoints.copy(ZOO.resolve("tiny-gpt2-a"), dir.resolve("gpt2"), rename, "made_up_gpt", Comparator.naturalOrder());
        try (Model m = RenamedCheckpoints.open(copy)) {
            RoleAssignment a = m.store().roleAssignment();
            assertEquals(RoleAssignment.Method.NONE, a.method());
            assertTrue(a.reason().contains("do not form q, k, v, o"), a.reason());
        }
    }

    @Test
    void blocksThatDifferBetweenLayersAreRefused() throws IOException {
        Map<String, long[]> t = new LinkedHashMap<>();
        t.put("emb.weight", new long[] {40, 8});
        t.put("blocks.0.a.weight", new long[] {8, 8});
        t.put("blocks.1.a.weight", new long[] {8, 8});
        t.put("blocks.1.b.weight", new long[] {8, 8});
        Path model = writeModel(dir.resolve("uneven"), t, "uneven_lm", Comparator.naturalOrder());
        try (Model m = RenamedCheckpoints.open(model)) {
            RoleAssignment a = m.store().roleAssignment();
            assertEquals(RoleAssignment.Method.NONE, a.method());
            assertEquals("roles not inferred from structure: layer 1 of 'blocks.N' does not have the tensor names of layer 0 (adds b.weight)", a.reason());
        }
    }

    @Test
    void inspectSaysRolesWereInferredInItsTableAndJson() throws IOException {
        try (Model m = RenamedCheckpoints.open(ZOO.resolve("tiny-llama-a-ft-sharded-renamed"))) {
            InspectReport report = InspectReport.of(m, false);
            String table = InspectTableRenderer.render(report);
            assertTrue(table.contains("roles                    roles inferred from structure (no naming table for model_type zoo_lm), confidence high"),
                    table);
            assertTrue(table.contains("every layer, attention k/v: attention.wk [16, 32] = k, attention.wv [16, 32] = v (by names)"), table);
            JsonNode roles = new ObjectMapper().readTree(ReportJson.render(report.toReport(0))).at("/inspect/roles");
            assertEquals("structure", roles.path("method").asText(), roles.toString());
            assertEquals("zoo_lm", roles.path("model_type").asText(), roles.toString());
            assertEquals("high", roles.path("confidence").asText(), roles.toString());
            assertTrue(roles.path("basis").size() > 5, roles.toString());
            String json = ReportJson.render(report.toReport(0));
            assertEquals(json, ReportJson.render(ReportJson.read(json)), "inspect JSON reads back to the same bytes");
            assertEquals(m.store().roleAssignment(), ReportJson.read(json).inspect().roles());
        }
    }

    @Test
    void aNamedModelKeepsItsTable() {
        try (Model m = RenamedCheckpoints.open(ZOO.resolve("tiny-llama-a"))) {
            assertEquals(RoleAssignment.namingTable("llama"), m.store().roleAssignment());
            assertNotEquals(TensorRole.UNMAPPED, m.store().find(Role.Q, 0).orElseThrow().role());
        }
    }

    /** A two-layer BERT with its real tensor names, in the order BertModel lists them. */
    private static Map<String, long[]> bertTensors(long h, long inter, long vocab, long positions, long types) {
        Map<String, long[]> t = new LinkedHashMap<>();
        t.put("bert.embeddings.word_embeddings.weight", new long[] {vocab, h});
        t.put("bert.embeddings.position_embeddings.weight", new long[] {positions, h});
        t.put("bert.embeddings.token_type_embeddings.weight", new long[] {types, h});
        t.put("bert.embeddings.LayerNorm.weight", new long[] {h});
        t.put("bert.embeddings.LayerNorm.bias", new long[] {h});
        for (int l = 0; l < 2; l++) {
            String p = "bert.encoder.layer." + l + ".";
            for (String m : List.of("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense")) {
                t.put(p + m + ".weight", new long[] {h, h});
                t.put(p + m + ".bias", new long[] {h});
            }
            t.put(p + "attention.output.LayerNorm.weight", new long[] {h});
            t.put(p + "attention.output.LayerNorm.bias", new long[] {h});
            t.put(p + "intermediate.dense.weight", new long[] {inter, h});
            t.put(p + "intermediate.dense.bias", new long[] {inter});
            t.put(p + "output.dense.weight", new long[] {h, inter});
            t.put(p + "output.dense.bias", new long[] {h});
            t.put(p + "output.LayerNorm.weight", new long[] {h});
            t.put(p + "output.LayerNorm.bias", new long[] {h});
        }
        t.put("bert.pooler.dense.weight", new long[] {h, h});
        t.put("bert.pooler.dense.bias", new long[] {h});
        return t;
    }

    private static Map<String, long[]> renamed(Map<String, long[]> tensors, UnaryOperator<String> rename) {
        Map<String, long[]> out = new LinkedHashMap<>();
        tensors.forEach((k, v) -> out.put(rename.apply(k), v));
        return out;
    }

    /** A model directory: config.json of a two-layer model with hidden size 8 and seeded random float32 tensors in {@code order}. */
    private static Path writeModel(Path target, Map<String, long[]> tensors, String modelType, Comparator<String> order) throws IOException {
        Files.createDirectories(target);
        Files.writeString(target.resolve("config.json"), "{\"model_type\": \"" + modelType + "\", \"hidden_size\": 8, \"num_hidden_layers\": 2,"
                + " \"num_attention_heads\": 2, \"intermediate_size\": 16, \"vocab_size\": 40, \"max_position_embeddings\": 12,"
                + " \"type_vocab_size\": 2}");
        Random random = new Random(7);
        SafetensorsTestFile f = new SafetensorsTestFile();
        for (String name : tensors.keySet().stream().sorted(order).toList()) {
            long[] shape = tensors.get(name);
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            float[] values = new float[(int) n];
            for (int i = 0; i < n; i++) {
                values[i] = (float) random.nextGaussian();
            }
            f.addF32(name, shape, values);
        }
        f.write(target.resolve("model.safetensors"));
        return target;
    }
}
