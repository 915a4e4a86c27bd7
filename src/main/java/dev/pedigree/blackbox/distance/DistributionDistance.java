package dev.pedigree.blackbox.distance;

import dev.pedigree.blackbox.CausalLanguageModel;
import dev.pedigree.blackbox.Continuation;
import dev.pedigree.blackbox.Decoding;
import dev.pedigree.blackbox.ModelQueries;
import dev.pedigree.blackbox.QueryableModel;
import dev.pedigree.blackbox.TopTokens;
import dev.pedigree.error.BadInputException;
import java.util.List;

/**
 * Jensen–Shannon divergence of the next-token distributions, averaged over the K greedy positions of
 * the target's continuation: the candidate is fed the target's tokens (it scores the target's path,
 * it does not choose its own), so both distributions at position j condition on the same text. Same
 * vocabulary only: the tokenizers must be identical.
 */
public final class DistributionDistance implements PromptDistance {
    private final Decoding decoding;

    public DistributionDistance(Decoding decoding) {
        this.decoding = decoding;
    }

    @Override
    public String name() {
        return "distribution";
    }

    @Override
    public dev.pedigree.blackbox.ModelKind modelKind() {
        return dev.pedigree.blackbox.ModelKind.CAUSAL;
    }

    @Override
    public Prepared prepare(QueryableModel target, ModelQueries queries) {
        CausalLanguageModel f = ModelKinds.causal(target, name());
        List<Continuation> reference = queries.continuations(f, decoding);
        List<int[]> path = reference.stream().map(Continuation::tokens).toList();
        String pathKey = "greedy-of=" + f.digest() + ";" + decoding.cacheKey();
        return candidate -> {
            CausalLanguageModel g = ModelKinds.causal(candidate, name());
            if (!TokenDistance.sameTokenizer(f.tokenizerDigest(), g.tokenizerDigest())) {
                throw new BadInputException(g.name() + ": the distribution distance needs the target's tokenizer ("
                        + f.name() + "); use token or semantic for models with other vocabularies");
            }
            List<TopTokens[]> scored = queries.scores(g, decoding, pathKey, path);
            double[] row = new double[reference.size()];
            for (int t = 0; t < row.length; t++) {
                TopTokens[] own = reference.get(t).steps();
                TopTokens[] their = scored.get(t);
                double sum = 0;
                for (int j = 0; j < own.length; j++) {
                    sum += JensenShannon.divergence(own[j], their[j]);
                }
                row[t] = own.length == 0 ? 0 : sum / own.length;
            }
            return row;
        };
    }
}
