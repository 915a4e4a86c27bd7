package dev.pedigree.blackbox.distance;

import dev.pedigree.blackbox.CausalLanguageModel;
import dev.pedigree.blackbox.Continuation;
import dev.pedigree.blackbox.Decoding;
import dev.pedigree.blackbox.ModelQueries;
import dev.pedigree.blackbox.QueryableModel;
import dev.pedigree.blackbox.TextEmbedder;
import java.util.List;

/**
 * Semantic-MPS: {@code 1 − cos(e(f(x)), e(g(x)))}, where f(x) and g(x) are the models' greedy
 * continuations and e is a sentence embedder run locally (by default the MiniLM-L6 sentence
 * embedder). Tokenizers need not match: only text is compared.
 */
public final class SemanticDistance implements PromptDistance {
    private final Decoding decoding;
    private final TextEmbedder embedder;

    public SemanticDistance(Decoding decoding, TextEmbedder embedder) {
        this.decoding = decoding;
        this.embedder = embedder;
    }

    @Override
    public String name() {
        return "semantic";
    }

    @Override
    public dev.pedigree.blackbox.ModelKind modelKind() {
        return dev.pedigree.blackbox.ModelKind.CAUSAL;
    }

    @Override
    public Prepared prepare(QueryableModel target, ModelQueries queries) {
        List<float[]> reference = embeddedContinuations(ModelKinds.causal(target, name()), queries);
        return candidate -> {
            List<float[]> other = embeddedContinuations(ModelKinds.causal(candidate, name()), queries);
            double[] row = new double[reference.size()];
            for (int t = 0; t < row.length; t++) {
                row[t] = 1 - Vectors.cosine(reference.get(t), other.get(t));
            }
            return row;
        };
    }

    private List<float[]> embeddedContinuations(CausalLanguageModel model, ModelQueries queries) {
        List<String> texts = queries.continuations(model, decoding).stream().map(Continuation::text).toList();
        String textsKey = "continuations-of=" + model.digest() + ";prompts=" + queries.prompts().sha256() + ";"
                + decoding.cacheKey();
        return queries.embeddings(embedder, textsKey, texts);
    }
}
