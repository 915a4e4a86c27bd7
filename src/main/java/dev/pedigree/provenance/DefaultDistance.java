package dev.pedigree.provenance;

import dev.pedigree.blackbox.ModelKind;
import dev.pedigree.blackbox.QueryableModel;
import dev.pedigree.blackbox.QueryableModels;
import dev.pedigree.blackbox.TextEmbedder;
import dev.pedigree.error.BadInputException;
import java.io.PrintWriter;

/**
 * The distance {@code set} uses when none is named, chosen by what the target is. Measured on the zoo
 * and the real encoders (experiments/blackbox/README.md, experiments/coverage-real/README.md): for encoders
 * the representation distance (relative representations work across widths; the only one that applies);
 * for causal LMs the centred-logits distance, the only one of the four that put a true relative first in
 * all 13 full-zoo tasks with one and ahead of every shared-data trap, and the one with the highest
 * coverage under both provenance methods.
 */
public final class DefaultDistance {
    public static final String ENCODER = "representation";
    public static final String CAUSAL = "centred-logits";

    private DefaultDistance() {
    }

    /** Opens the local target once to see whether its graph is an encoder or a causal LM. */
    public static String forTarget(String spec, QueryableModels.Options options, PrintWriter err) {
        if (spec.startsWith("http://") || spec.startsWith("https://")) {
            throw new BadInputException(spec + ": a server's kind cannot be read off its weights; name --distance");
        }
        try (QueryableModel m = QueryableModels.open(spec, ModelKind.ENCODER, options, err)) {
            return m instanceof TextEmbedder ? ENCODER : CAUSAL;
        }
    }
}
