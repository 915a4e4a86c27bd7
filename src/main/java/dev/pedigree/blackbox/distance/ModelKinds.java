package dev.pedigree.blackbox.distance;

import dev.pedigree.blackbox.CausalLanguageModel;
import dev.pedigree.blackbox.QueryableModel;
import dev.pedigree.blackbox.TextEmbedder;
import dev.pedigree.error.BadInputException;

/** The capability a distance needs from a model, with the refusal a user can act on. */
final class ModelKinds {
    private ModelKinds() {
    }

    static CausalLanguageModel causal(QueryableModel model, String distance) {
        if (model instanceof CausalLanguageModel lm) {
            return lm;
        }
        throw new BadInputException(model.name() + ": the " + distance
                + " distance needs a causal language model (one that generates text)");
    }

    static TextEmbedder embedder(QueryableModel model, String distance) {
        if (model instanceof TextEmbedder e) {
            return e;
        }
        throw new BadInputException(model.name() + ": the " + distance
                + " distance needs an encoder (one that outputs a vector per text)");
    }
}
