package dev.pedigree.blackbox.distance;

import dev.pedigree.blackbox.Decoding;
import dev.pedigree.blackbox.TextEmbedder;
import dev.pedigree.error.BadInputException;
import java.util.List;
import java.util.function.Supplier;

/** The distances by the names {@code set --distance} accepts. */
public final class PromptDistances {
    public static final List<String> NAMES = List.of("token", "semantic", "distribution", "representation",
            "centred-logits");

    private PromptDistances() {
    }

    /**
     * @param sentenceEmbedder opened only for the semantic distance (the MiniLM-L6 sentence embedder
     *     by default)
     */
    public static PromptDistance named(String name, Decoding decoding, Supplier<TextEmbedder> sentenceEmbedder) {
        return switch (name) {
            case "token" -> new TokenDistance(decoding);
            case "semantic" -> new SemanticDistance(decoding, sentenceEmbedder.get());
            case "distribution" -> new DistributionDistance(decoding);
            case "representation" -> RepresentationDistance.withDefaultAnchors();
            case "centred-logits" -> new CentredLogitsDistance();
            default -> throw new BadInputException("unknown distance " + name + " (known: " + String.join(", ", NAMES) + ")");
        };
    }
}
