package dev.pedigree.blackbox.distance;

import dev.pedigree.blackbox.CausalLanguageModel;
import dev.pedigree.blackbox.ModelQueries;
import dev.pedigree.blackbox.QueryableModel;
import dev.pedigree.error.BadInputException;
import java.util.List;

/**
 * Correlation of next-token logits with each model's prompt-independent part removed: every model's
 * mean logit vector over the prompt set is subtracted from its logits before the distance
 * {@code 1 − Pearson(l_f(x) − mean_f, l_g(x) − mean_g)} is taken per prompt. Fine-tuning on shared data
 * shifts every child's logits the same way regardless of the prompt (issue 9); the centring takes that
 * shift out, and what is left is how the model reacts to the prompt, which lineage preserves. Same
 * vocabulary only; needs full logits, so in-process models only.
 */
public final class CentredLogitsDistance implements PromptDistance {
    @Override
    public String name() {
        return "centred-logits";
    }

    @Override
    public dev.pedigree.blackbox.ModelKind modelKind() {
        return dev.pedigree.blackbox.ModelKind.CAUSAL;
    }

    @Override
    public Prepared prepare(QueryableModel target, ModelQueries queries) {
        CausalLanguageModel f = ModelKinds.causal(target, name());
        double[][] reference = centred(queries.nextTokenLogits(f), f.name());
        return candidate -> {
            CausalLanguageModel g = ModelKinds.causal(candidate, name());
            if (!TokenDistance.sameTokenizer(f.tokenizerDigest(), g.tokenizerDigest())) {
                throw new BadInputException(g.name() + ": the centred-logits distance needs the target's tokenizer ("
                        + f.name() + ")");
            }
            double[][] other = centred(queries.nextTokenLogits(g), g.name());
            double[] row = new double[reference.length];
            for (int t = 0; t < row.length; t++) {
                row[t] = 1 - Vectors.pearson(reference[t], other[t]);
            }
            return row;
        };
    }

    private static double[][] centred(List<float[]> logits, String model) {
        int vocabulary = logits.getFirst().length;
        double[] mean = new double[vocabulary];
        for (float[] row : logits) {
            if (row.length != vocabulary) {
                throw new BadInputException(model + ": logit vectors of different widths");
            }
            for (int v = 0; v < vocabulary; v++) {
                mean[v] += row[v];
            }
        }
        for (int v = 0; v < vocabulary; v++) {
            mean[v] /= logits.size();
        }
        double[][] out = new double[logits.size()][vocabulary];
        for (int t = 0; t < out.length; t++) {
            float[] row = logits.get(t);
            for (int v = 0; v < vocabulary; v++) {
                out[t][v] = row[v] - mean[v];
            }
        }
        return out;
    }
}
