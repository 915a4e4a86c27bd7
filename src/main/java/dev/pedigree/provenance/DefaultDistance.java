package dev.pedigree.provenance;

import dev.pedigree.blackbox.ModelKind;
import dev.pedigree.blackbox.QueryableModels;
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

    /**
     * The default for a local target, by the kind its ONNX graph says it is ({@link QueryableModels#localKind}:
     * read by pedigree's own reader, no runtime session, so the target is loaded only by the run itself).
     *
     * @throws BadInputException for a server: its kind is not written in any file, so the distance must be named
     */
    public static String forTarget(String spec, PrintWriter err) {
        if (QueryableModels.isServer(spec)) {
            throw new BadInputException(spec + ": a server's kind cannot be read off its weights; name --distance");
        }
        return QueryableModels.localKind(spec, err) == ModelKind.ENCODER ? ENCODER : CAUSAL;
    }
}
