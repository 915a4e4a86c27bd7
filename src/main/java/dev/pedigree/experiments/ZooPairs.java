package dev.pedigree.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.error.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The labelled pairs of a built zoo ({@code pairs.csv}, {@code lineage.json}, {@code models/}, {@code gguf/}),
 * as written by {@code experiments/zoo/build.sh}.
 */
final class ZooPairs {
    /** Relations that start from fresh random weights: below them a model shares no initialisation with its parent. */
    private static final List<String> FRESH_INIT = List.of("none", "distilled");

    private ZooPairs() {
    }

    static List<BenchPair> read(Path zoo) {
        Path csv = zoo.resolve("pairs.csv");
        if (!Files.isRegularFile(csv)) {
            throw new BadInputException(csv + ": no pairs.csv (build the zoo first: experiments/zoo/build.sh)");
        }
        try {
            Map<String, String> roots = weightRoots(zoo.resolve("lineage.json"));
            List<String> lines = Files.readAllLines(csv);
            List<BenchPair> pairs = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                if (f.length < 4) {
                    throw new BadInputException(csv + ": expected model_a,model_b,related,category, got: " + line);
                }
                String shared = roots.containsKey(f[0]) && roots.containsKey(f[1])
                        ? (roots.get(f[0]).equals(roots.get(f[1])) ? "yes" : "no") : "unknown";
                pairs.add(new BenchPair(f[0], locate(zoo, f[0]).toString(), f[1], locate(zoo, f[1]).toString(),
                        Boolean.parseBoolean(f[2]) ? "related" : "unrelated", f[3], shared));
            }
            return pairs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path locate(Path zoo, String id) {
        Path dir = zoo.resolve("models").resolve(id);
        return Files.isDirectory(dir) ? dir : zoo.resolve("gguf").resolve(id + ".gguf");
    }

    /** Per model, the model whose initialisation its weights carry (itself when trained from fresh weights). */
    private static Map<String, String> weightRoots(Path lineage) throws IOException {
        JsonNode models = new ObjectMapper().readTree(lineage.toFile()).path("models");
        Map<String, JsonNode> byId = new HashMap<>();
        models.forEach(m -> byId.put(m.path("id").asText(), m));
        Map<String, String> roots = new HashMap<>();
        for (String id : byId.keySet()) {
            String cur = id;
            while (byId.containsKey(cur) && !FRESH_INIT.contains(byId.get(cur).path("relation").asText())
                    && byId.get(cur).path("parents").size() > 0) {
                cur = byId.get(cur).path("parents").get(0).asText();
            }
            roots.put(id, cur);
        }
        return roots;
    }
}
