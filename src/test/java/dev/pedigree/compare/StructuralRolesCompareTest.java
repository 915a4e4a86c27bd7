package dev.pedigree.compare;

import static dev.pedigree.model.roles.RenamedCheckpoints.ZOO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.model.Role;
import dev.pedigree.model.RoleAssignment;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.TensorRole;
import dev.pedigree.model.TensorStore;
import dev.pedigree.model.open.Model;
import dev.pedigree.model.roles.RenamedCheckpoints;
import dev.pedigree.model.safetensors.SafetensorsTestFile;
import dev.pedigree.report.ReportJson;
import dev.pedigree.report.WeightComparisons;
import dev.pedigree.signals.WeightAlignment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compare on checkpoints whose tensor names no naming table knows: the zoo's sharded, renamed
 * fine-tune and renamings made up here. Roles come from structure, the evidence says so, and the
 * verdicts come out as for the named originals.
 */
class StructuralRolesCompareTest {
    private static final String RENAMED = "tiny-llama-a-ft-sharded-renamed";

    @TempDir
    Path dir;

    private static ComparisonResult compare(Path a, Path b) {
        try (Model ma = RenamedCheckpoints.open(a); Model mb = RenamedCheckpoints.open(b)) {
            ComparisonResult r = new ModelComparison(WeightAlignment.Settings.defaults(999, 1), Calibration.load(), m -> { })
                    .run(CompareSide.of(a.getFileName().toString(), ma), CompareSide.of(b.getFileName().toString(), mb));
            System.out.printf("%s vs %s: %s p=%.3g%n  %s%n", a.getFileName(), b.getFileName(), r.verdict().label(), r.pValue(),
                    String.join("\n  ", r.evidence()));
            return r;
        }
    }

    private static boolean says(ComparisonResult r, String text) {
        return r.evidence().stream().anyMatch(l -> l.contains(text));
    }

    @Test
    void zooRenamedFineTuneIsRelatedToItsParentAndTheEvidenceAndJsonSayRolesWereInferred() throws IOException {
        ComparisonResult r = compare(ZOO.resolve("tiny-llama-a"), ZOO.resolve(RENAMED));
        assertEquals(Verdict.RELATED, r.verdict());
        assertTrue(r.pValue() < 1e-3, "p = " + r.pValue());
        String line = "B (" + RENAMED + "): roles inferred from structure (no naming table for model_type zoo_lm), confidence high";
        assertTrue(says(r, line), r.evidence().toString());
        JsonNode json = new ObjectMapper().readTree(ReportJson.render(WeightComparisons.report(r)));
        List<String> evidence = new ArrayList<>();
        json.at("/weight_comparisons/0/evidence").forEach(e -> evidence.add(e.asText()));
        assertTrue(evidence.stream().anyMatch(e -> e.startsWith(line)), evidence.toString());
        assertEquals(RoleAssignment.Method.STRUCTURE, r.rolesB().method());
        assertEquals(RoleAssignment.Confidence.HIGH, r.rolesB().confidence());
        assertEquals(RoleAssignment.Method.NAMING_TABLE, r.rolesA().method());
    }

    @Test
    void zooRenamedFineTuneIsUnrelatedToAnIndependentRunOfTheSameConfig() {
        ComparisonResult r = compare(ZOO.resolve(RENAMED), ZOO.resolve("tiny-llama-b"));
        assertEquals(Verdict.UNRELATED, r.verdict());
        assertTrue(says(r, "A (" + RENAMED + "): roles inferred from structure"), r.evidence().toString());
    }

    @Test
    void zooRenamedFineTuneIsUnrelatedToGpt2() {
        ComparisonResult r = compare(ZOO.resolve("tiny-gpt2-a"), ZOO.resolve(RENAMED));
        assertEquals(Verdict.UNRELATED, r.verdict());
    }

    @Test
    void shapeTwinsWithoutRoleWordsAreToldApartAgainstTheOtherModel() throws IOException {
        Path copy = RenamedCheckpoints.copy(ZOO.resolve("tiny-llama-a-ft"), dir.resolve("hint-free"), RenamedCheckpoints.LLAMA_HINT_FREE, "made_up_lm",
                Comparator.naturalOrder());
        ComparisonResult related = compare(ZOO.resolve("tiny-llama-a"), copy);
        assertEquals(Verdict.RELATED, related.verdict());
        assertTrue(related.pValue() < 1e-3, "p = " + related.pValue());
        assertTrue(says(related, "confidence low"), related.evidence().toString());
        assertTrue(says(related, "roles of B, attention q/o: told apart against the other model by row/column norm profiles: "
                + "net.stack.0.mix.a = o, net.stack.0.mix.b = q"), related.evidence().toString());
        ComparisonResult unrelated = compare(ZOO.resolve("tiny-llama-b"), copy);
        assertEquals(Verdict.UNRELATED, unrelated.verdict());
    }

    @Test
    void namesSwappedToMisleadAreOverruledByTheWeights() throws IOException {
        // Every pair of shape twins under the other's name: q as wo, o as wq, k as wv, v as wk, gate as w3, up as w1, the norms swapped.
        UnaryOperator<String> misleading = RenamedCheckpoints.replacing(RenamedCheckpoints.orderedMap("model.embed_tokens", "backbone.tok_embeddings",
                "lm_head", "output", "model.norm", "backbone.norm", "model.layers.", "backbone.blocks.", "self_attn.q_proj", "attention.wo",
                "self_attn.o_proj", "attention.wq", "self_attn.k_proj", "attention.wv", "self_attn.v_proj", "attention.wk", "mlp.gate_proj", "ffn.w3",
                "mlp.up_proj", "ffn.w1", "mlp.down_proj", "ffn.w2", "input_layernorm", "ffn_norm", "post_attention_layernorm", "attention_norm"));
        Path copy = RenamedCheckpoints.copy(ZOO.resolve("tiny-llama-a-ft"), dir.resolve("misleading"), misleading, "zoo_lm", Comparator.naturalOrder());
        ComparisonResult r = compare(ZOO.resolve("tiny-llama-a"), copy);
        assertEquals(Verdict.RELATED, r.verdict());
        assertTrue(r.pValue() < 1e-3, "p = " + r.pValue());
        assertEquals(RoleAssignment.Confidence.HIGH, r.rolesB().confidence(), "the names looked unambiguous");
        for (String group : List.of("MLP gate/up", "attention q/o", "attention k/v", "norms")) {
            assertTrue(says(r, "roles of B, " + group + ": the weights overrule the names or file order"), group + ": " + r.evidence());
        }
        assertTrue(says(r, "backbone.blocks.0.attention.wo = q, backbone.blocks.0.attention.wq = o"), r.evidence().toString());
    }

    @Test
    void bothSidesRenamedWithoutRoleWordsAreMatchedToEachOther() throws IOException {
        Path parent = RenamedCheckpoints.copy(ZOO.resolve("tiny-llama-a"), dir.resolve("parent"), RenamedCheckpoints.LLAMA_HINT_FREE, "made_up_lm",
                Comparator.naturalOrder());
        Path child = RenamedCheckpoints.copy(ZOO.resolve("tiny-llama-a-ft"), dir.resolve("child"), RenamedCheckpoints.LLAMA_HINT_FREE, "made_up_lm",
                Comparator.naturalOrder());
        ComparisonResult r = compare(parent, child);
        assertEquals(Verdict.RELATED, r.verdict());
        assertTrue(r.pValue() < 1e-3, "p = " + r.pValue());
        assertEquals(RoleAssignment.Confidence.LOW, r.rolesA().confidence());
        // A keeps its tentative roles; B's are matched to them.
        assertTrue(says(r, "roles of B, attention q/o: told apart against the other model by row/column norm profiles: "
                + "net.stack.0.mix.a = q, net.stack.0.mix.b = o"), r.evidence().toString());
    }

    @Test
    void withoutARepeatedBlockNoRolesAreInferredAndTheVerdictIsInconclusive() throws IOException {
        UnaryOperator<String> flatten = n -> n.replaceFirst("^model\\.layers\\.(\\d+)\\.", "model.layer_$1_");
        Path copy = RenamedCheckpoints.copy(ZOO.resolve("tiny-llama-a-ft"), dir.resolve("flat"), flatten, "made_up_lm", Comparator.naturalOrder());
        ComparisonResult r = compare(ZOO.resolve("tiny-llama-a"), copy);
        assertEquals(Verdict.INCONCLUSIVE, r.verdict());
        assertTrue(says(r, "B (flat): no roles (no naming table for model_type made_up_lm): roles not inferred from structure: the tensor names "
                + "show no repeated numbered block"), r.evidence().toString());
    }

    @Test
    void fusedGateUpIsSplitInHalvesAndTheFusedQkvIsReportedNotInferred() throws IOException {
        Path copy = fusedCopy(ZOO.resolve("tiny-llama-a-ft"), dir.resolve("fused"));
        try (Model m = RenamedCheckpoints.open(copy)) {
            RoleAssignment a = m.store().roleAssignment();
            assertEquals(RoleAssignment.Confidence.LOW, a.confidence());
            assertTrue(a.basis().contains("every layer, MLP gate/up: fused ffn.mix_b [128, 32] split in halves, tentatively gate then up "
                    + "(the order torch.chunk gives them in Phi-3 and GLM)"), a.basis().toString());
            assertTrue(a.basis().contains("every layer, fused q/k/v projection attn.mix_a [64, 32] left unmapped: whether its rows are "
                    + "concatenated or interleaved per head cannot be told from structure"), a.basis().toString());
            assertEquals(Role.UP, m.store().byName("net.stack.1.ffn.mix_b.weight[up]").orElseThrow().role().role());
            assertEquals(32, m.store().byName("net.stack.1.attn.proj_c.weight").orElseThrow().rows());
        }
        ComparisonResult r = compare(ZOO.resolve("tiny-llama-a"), copy);
        assertEquals(Verdict.RELATED, r.verdict());
        assertTrue(r.pValue() < 1e-3, "p = " + r.pValue());
        assertTrue(says(r, "roles of B, MLP gate/up halves: told apart against the other model by row/column norm profiles: "
                + "net.stack.0.ffn.mix_b.weight[gate] = gate, net.stack.0.ffn.mix_b.weight[up] = up"), r.evidence().toString());
    }

    /**
     * tiny-llama's tensors with q, k, v stacked into one matrix and gate, up into another (as Phi-3
     * stores them), under names with no role words, sorted by name.
     */
    private static Path fusedCopy(Path source, Path target) throws IOException {
        RenamedCheckpoints.copyConfig(source, target, "fused_lm");
        Map<String, float[]> values = new TreeMap<>();
        Map<String, long[]> shapes = new TreeMap<>();
        try (Model m = RenamedCheckpoints.open(source)) {
            TensorStore s = m.store();
            for (TensorInfo t : s.tensors()) {
                TensorRole r = t.role();
                int l = r.layer();
                String block = "net.stack." + l + ".";
                switch (r.role()) {
                    case Q -> put(values, shapes, block + "attn.mix_a.weight", s, s.find(Role.Q, l).orElseThrow(), s.find(Role.K, l).orElseThrow(),
                            s.find(Role.V, l).orElseThrow());
                    case GATE -> put(values, shapes, block + "ffn.mix_b.weight", s, t, s.find(Role.UP, l).orElseThrow());
                    case K, V, UP -> { }
                    case O -> put(values, shapes, block + "attn.proj_c.weight", s, t);
                    case DOWN -> put(values, shapes, block + "ffn.proj_d.weight", s, t);
                    case ATTN_NORM -> put(values, shapes, block + "n2.weight", s, t);
                    case MLP_NORM -> put(values, shapes, block + "n1.weight", s, t);
                    case EMBEDDING -> put(values, shapes, "net.omega.weight", s, t);
                    case LM_HEAD -> put(values, shapes, "net.alpha.weight", s, t);
                    case FINAL_NORM -> put(values, shapes, "net.sigma.weight", s, t);
                    default -> throw new AssertionError("unexpected role in tiny-llama: " + t);
                }
            }
        }
        SafetensorsTestFile f = new SafetensorsTestFile();
        values.forEach((name, v) -> f.addF32(name, shapes.get(name), v));
        f.write(target.resolve("model.safetensors"));
        return target;
    }

    /** The tensors' rows stacked under one name. */
    private static void put(Map<String, float[]> values, Map<String, long[]> shapes, String name, TensorStore s, TensorInfo... parts) {
        long[] shape = parts[0].shape();
        shape[0] = 0;
        List<float[]> read = new ArrayList<>();
        for (TensorInfo p : parts) {
            read.add(s.read(p));
            shape[0] += p.rows();
        }
        float[] all = new float[read.stream().mapToInt(a -> a.length).sum()];
        int at = 0;
        for (float[] r : read) {
            System.arraycopy(r, 0, all, at, r.length);
            at += r.length;
        }
        values.put(name, all);
        shapes.put(name, shape);
    }
}
