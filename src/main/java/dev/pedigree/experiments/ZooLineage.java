package dev.pedigree.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The zoo's derivation graph ({@code lineage.json}: each model's parents, operation, training data and
 * hard-case labels) and how far apart two related models sit in it: generations up from one to their
 * nearest common ancestor, then down to the other. An ancestor of the target is {@code up} generations
 * above it with {@code down = 0}. Also how heavy the derivation between two relatives is, and which
 * unrelated models share a target's fine-tuning data (the shared-data traps).
 */
record ZooLineage(Map<String, Node> nodes) {
    /** The derivation heaviness labels, lightest first. */
    static final List<String> DERIVATIONS = List.of("copy", "light", "heavy");

    /** The pre-training corpus of every zoo base: training on it is not a fine-tuning domain. */
    private static final String PRETRAINING = "man";
    /** Operations that change no weight by training (the function is kept up to rounding). */
    private static final Set<String> COPIES = Set.of("cast", "int8", "int4", "permute", "tamper_config", "tamper_names", "gguf");

    /**
     * One model of lineage.json.
     *
     * @param data            the text its own step trained on, or null (casts, quantisation, merges)
     * @param hardCase        the zoo's hard-case label, or null
     * @param sharedDataGroup the zoo's shared-data group, or null
     */
    record Node(List<String> parents, String relation, String op, String data, String hardCase, String sharedDataGroup) {
    }

    /** Path from a model to a relative: generations up to the nearest common ancestor, then down. */
    record Relation(int up, int down) {
        int steps() {
            return up + down;
        }

        String kind() {
            return down == 0 ? "ancestor" : up == 0 ? "descendant" : "collateral";
        }
    }

    static ZooLineage read(Path lineageJson) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(lineageJson));
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (JsonNode m : root.path("models")) {
            List<String> p = new ArrayList<>();
            m.path("parents").forEach(n -> p.add(n.asText()));
            nodes.put(m.path("id").asText(), new Node(List.copyOf(p), m.path("relation").asText(), m.path("op").asText(),
                    text(m.path("data")), text(m.path("hard_case")), text(m.path("shared_data_group"))));
        }
        if (nodes.isEmpty()) {
            throw new BadInputException(lineageJson + ": no models");
        }
        return new ZooLineage(nodes);
    }

    private static String text(JsonNode n) {
        return n.isNull() || n.isMissingNode() ? null : n.asText();
    }

    /** "merge" (several parents), "distilled" (its relation to its parent), or "single-parent" (every other model). */
    String targetKind(String model) {
        if (parentsOf(model).size() > 1) {
            return "merge";
        }
        return node(model).relation().equals("distilled") ? "distilled" : "single-parent";
    }

    /** The shortest up-then-down path from {@code from} to {@code to}; null when they share no ancestor. */
    Relation relation(String from, String to) {
        Map<String, Integer> upFrom = generationsUp(from);
        Map<String, Integer> upTo = generationsUp(to);
        Relation best = null;
        for (Map.Entry<String, Integer> e : upFrom.entrySet()) {
            Integer down = upTo.get(e.getKey());
            if (down != null && (best == null || e.getValue() + down < best.steps())) {
                best = new Relation(e.getValue(), down);
            }
        }
        return best;
    }

    /**
     * How much the weights moved between two relatives: over every model strictly below their nearest
     * common ancestor on either side's line, "heavy" when one is a heavy derivative (the zoo's hard case:
     * long training at a high rate) or a distillation (new weights learnt from logits alone), else "light"
     * when one was trained or merged, else "copy" (casts, quantisation, permutation, tampering: the
     * function kept). Null when they are unrelated.
     */
    String derivation(String from, String to) {
        Relation r = relation(from, to);
        if (r == null) {
            return null;
        }
        Map<String, Integer> upFrom = generationsUp(from);
        Map<String, Integer> upTo = generationsUp(to);
        String ancestor = upFrom.keySet().stream().filter(a -> upTo.containsKey(a) && upFrom.get(a) + upTo.get(a) == r.steps())
                .sorted().findFirst().orElseThrow();
        List<String> between = new ArrayList<>();
        for (Map<String, Integer> side : List.of(upFrom, upTo)) {
            side.keySet().stream().filter(m -> !m.equals(ancestor) && generationsUp(m).containsKey(ancestor)).forEach(between::add);
        }
        if (between.stream().map(this::node).anyMatch(n -> "heavy-derivative".equals(n.hardCase()) || n.op().equals("distill"))) {
            return "heavy";
        }
        return between.stream().map(this::node).allMatch(n -> COPIES.contains(n.op())) ? "copy" : "light";
    }

    /**
     * Why an unrelated candidate may look related through its outputs: "shared-data-trap" when both are in
     * one shared-data group of the zoo (children of unrelated bases trained hard on the same text),
     * "same-domain" when both were fine-tuned on the same text otherwise ({@link #domain}), else null
     * (also for related pairs).
     */
    String trap(String target, String candidate) {
        if (relation(target, candidate) != null) {
            return null;
        }
        String group = node(target).sharedDataGroup();
        if (group != null && group.equals(node(candidate).sharedDataGroup())) {
            return "shared-data-trap";
        }
        String domain = domain(target);
        return domain != null && domain.equals(domain(candidate)) ? "same-domain" : null;
    }

    /**
     * The fine-tuning text a model's outputs lean towards: its own step's data, or, through steps that
     * train nothing (casts, quantisation), its single parent's; null for the pre-training corpus, merges
     * and bases.
     */
    String domain(String model) {
        Node n = node(model);
        if (n.data() != null) {
            return n.data().equals(PRETRAINING) ? null : n.data();
        }
        return n.parents().size() == 1 ? domain(n.parents().getFirst()) : null;
    }

    private Node node(String model) {
        Node n = nodes.get(model);
        if (n == null) {
            throw new BadInputException("lineage.json has no model " + model);
        }
        return n;
    }

    private List<String> parentsOf(String model) {
        return node(model).parents();
    }

    /** Every ancestor of {@code model} (itself at 0) with its fewest generations up (breadth first). */
    private Map<String, Integer> generationsUp(String model) {
        Map<String, Integer> up = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        up.put(model, 0);
        queue.add(model);
        while (!queue.isEmpty()) {
            String m = queue.poll();
            for (String p : parentsOf(m)) {
                if (!up.containsKey(p)) {
                    up.put(p, up.get(m) + 1);
                    queue.add(p);
                }
            }
        }
        return up;
    }
}
