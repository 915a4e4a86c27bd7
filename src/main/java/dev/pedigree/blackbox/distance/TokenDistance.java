package dev.pedigree.blackbox.distance;

import dev.pedigree.blackbox.CausalLanguageModel;
import dev.pedigree.blackbox.Continuation;
import dev.pedigree.blackbox.Decoding;
import dev.pedigree.blackbox.ModelQueries;
import dev.pedigree.blackbox.QueryableModel;
import java.util.List;
import java.util.Optional;

/**
 * Token-MPS: both models continue each prompt greedily for K tokens. With the same tokenizer the
 * distance is {@code 1 − (positions with the same token id) / K}; otherwise (or when a backend reports
 * no tokenizer) it is the normalised Levenshtein distance between the decoded continuations.
 */
public final class TokenDistance implements PromptDistance {
    private final Decoding decoding;

    public TokenDistance(Decoding decoding) {
        this.decoding = decoding;
    }

    @Override
    public String name() {
        return "token";
    }

    @Override
    public dev.pedigree.blackbox.ModelKind modelKind() {
        return dev.pedigree.blackbox.ModelKind.CAUSAL;
    }

    @Override
    public Prepared prepare(QueryableModel target, ModelQueries queries) {
        CausalLanguageModel f = ModelKinds.causal(target, name());
        List<Continuation> reference = queries.continuations(f, decoding);
        return candidate -> {
            CausalLanguageModel g = ModelKinds.causal(candidate, name());
            List<Continuation> other = queries.continuations(g, decoding);
            boolean sameTokenizer = sameTokenizer(f.tokenizerDigest(), g.tokenizerDigest());
            double[] row = new double[reference.size()];
            for (int t = 0; t < row.length; t++) {
                row[t] = sameTokenizer ? tokenDistance(reference.get(t).tokens(), other.get(t).tokens())
                        : Levenshtein.normalised(reference.get(t).text(), other.get(t).text());
            }
            return row;
        };
    }

    static boolean sameTokenizer(Optional<String> a, Optional<String> b) {
        return a.isPresent() && a.equals(b);
    }

    /** Positions beyond either continuation's end count as mismatches. */
    private double tokenDistance(int[] a, int[] b) {
        int k = decoding.newTokens();
        int same = 0;
        for (int j = 0; j < Math.min(k, Math.min(a.length, b.length)); j++) {
            if (a[j] == b[j]) {
                same++;
            }
        }
        return 1 - (double) same / k;
    }
}
