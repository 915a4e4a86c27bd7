package dev.pedigree.experiments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * All pairs of the eleven small ONNX text encoders published on Maven Central. Only an int8 file
 * against its own fp32 file has a known answer (related: it is a quantisation of it); every other
 * pair is labelled {@code unknown} — a shared or a different language and vocabulary proves nothing
 * about a shared initialisation either way.
 */
final class EncoderPairs {
    private static final String GROUP = "maven:dev.langchain4j:langchain4j-embeddings-";
    private static final List<String> MODELS = List.of(
            "all-minilm-l6-v2:1.0.0-beta1", "all-minilm-l6-v2-q:1.0.0-beta1",
            "bge-small-en:1.0.0-beta1", "bge-small-en-q:1.0.0-beta1",
            "bge-small-en-v15:1.0.0-beta1", "bge-small-en-v15-q:1.0.0-beta1",
            "e5-small-v2:1.0.0-beta1", "e5-small-v2-q:1.0.0-beta1",
            "bge-small-zh:1.0.0-beta1", "bge-small-zh-q:1.0.0-beta1",
            "bge-small-zh-v15:1.20.0-beta30");

    private EncoderPairs() {
    }

    /** The five int8 twins first (the only pairs with a known answer), then every other pair. */
    static List<BenchPair> all() {
        List<BenchPair> pairs = new ArrayList<>();
        for (int i = 0; i < MODELS.size(); i++) {
            for (int j = i + 1; j < MODELS.size(); j++) {
                String a = name(MODELS.get(i));
                String b = name(MODELS.get(j));
                boolean twin = b.equals(a + "-q") || a.equals(b + "-q");
                String category = twin ? "real-int8-twin" : chinese(a) == chinese(b) ? (chinese(a) ? "real-chinese" : "real-english")
                        : "real-english-chinese";
                pairs.add(new BenchPair(a, GROUP + MODELS.get(i), b, GROUP + MODELS.get(j), twin ? "related" : "unknown", category,
                        twin ? "yes" : "unknown"));
            }
        }
        pairs.sort(Comparator.comparing(p -> !p.label().equals("related")));
        return pairs;
    }

    private static String name(String artifactAndVersion) {
        return artifactAndVersion.substring(0, artifactAndVersion.indexOf(':'));
    }

    private static boolean chinese(String name) {
        return name.contains("-zh");
    }
}
