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

/**
 * The zoo's derivation graph ({@code lineage.json}: each model's parents and operation) and how far apart
 * two related models sit in it: generations up from one to their nearest common ancestor, then down to
 * the other (parents and each model's relation to them from lineage.json). An ancestor of the target is {@code up} generations above it with {@code down = 0}.
 */
record ZooLineage(Map<String, List<String>> parents, Map<String, String> relations) {

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
        Map<String, List<String>> parents = new LinkedHashMap<>();
        Map<String, String> relations = new LinkedHashMap<>();
        for (JsonNode m : root.path("models")) {
            List<String> p = new ArrayList<>();
            m.path("parents").forEach(n -> p.add(n.asText()));
            parents.put(m.path("id").asText(), List.copyOf(p));
            relations.put(m.path("id").asText(), m.path("relation").asText());
        }
        if (parents.isEmpty()) {
            throw new BadInputException(lineageJson + ": no models");
        }
        return new ZooLineage(parents, relations);
    }

    /** "merge" (several parents), "distilled" (its relation to its parent), or "single-parent" (every other model). */
    String targetKind(String model) {
        if (parentsOf(model).size() > 1) {
            return "merge";
        }
        return relations.getOrDefault(model, "").equals("distilled") ? "distilled" : "single-parent";
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

    private List<String> parentsOf(String model) {
        List<String> p = parents.get(model);
        if (p == null) {
            throw new BadInputException("lineage.json has no model " + model);
        }
        return p;
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
