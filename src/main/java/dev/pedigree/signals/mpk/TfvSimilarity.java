package dev.pedigree.signals.mpk;

import dev.pedigree.signals.Statistics;
import java.util.Objects;
import java.util.TreeSet;

/** MPK's TFV similarity: eleven weighted parts summing to at most 1. A diagnostic, never a decider. */
public final class TfvSimilarity {
    private TfvSimilarity() {
    }

    public static double of(TokenizerFeatures a, TokenizerFeatures b) {
        double s = 0;
        s += 0.10 * (a.tokenizerClass().equals(b.tokenizerClass()) ? 1 : 0);
        int maxVocab = Math.max(a.vocabSize(), b.vocabSize());
        s += 0.10 * (maxVocab > 0 ? 1.0 - (double) Math.abs(a.vocabSize() - b.vocabSize()) / maxVocab : 0);
        s += 0.08 * ((Objects.equals(a.bosTokenId(), b.bosTokenId()) ? 1 : 0) + (Objects.equals(a.eosTokenId(), b.eosTokenId()) ? 1 : 0)) / 2.0;
        double la = a.avgTokenLength();
        double lb = b.avgTokenLength();
        s += 0.07 * Math.max(0, 1.0 - Math.abs(la - lb) / Math.max(Math.max(la, lb), 1e-8));
        s += 0.05 * Math.max(0, 1.0 - Math.abs(a.pctWhitespacePrefix() - b.pctWhitespacePrefix()));
        s += scripts(a, b);
        s += 0.05 * ((a.pctByteTokens() > 0) == (b.pctByteTokens() > 0) ? 1 : 0);
        int ma = a.numMerges();
        int mb = b.numMerges();
        s += ma > 0 && mb > 0 ? 0.05 * (1.0 - (double) Math.abs(ma - mb) / Math.max(ma, mb)) : ma == 0 && mb == 0 ? 0.05 : 0;
        s += 0.15 * (a.mergeRuleHash().equals(b.mergeRuleHash()) ? 1 : 0);
        s += special(a, b);
        String xa = a.allMerges();
        String xb = b.allMerges();
        s += !xa.isEmpty() && !xb.isEmpty() ? 0.15 * (xa.equals(xb) ? 1 : 0) : xa.isEmpty() && xb.isEmpty() ? 0.075 : 0;
        return Statistics.round4(s);
    }

    private static double scripts(TokenizerFeatures a, TokenizerFeatures b) {
        TreeSet<String> all = new TreeSet<>(a.scriptDistribution().keySet());
        all.addAll(b.scriptDistribution().keySet());
        if (all.isEmpty()) {
            return 0;
        }
        double[] va = new double[all.size()];
        double[] vb = new double[all.size()];
        int i = 0;
        for (String k : all) {
            va[i] = a.scriptDistribution().getOrDefault(k, 0.0);
            vb[i++] = b.scriptDistribution().getOrDefault(k, 0.0);
        }
        double c = Statistics.cosine(va, vb);
        return 0.10 * (Double.isNaN(c) ? 0 : c);
    }

    private static double special(TokenizerFeatures a, TokenizerFeatures b) {
        int matches = 0;
        int total = 0;
        Integer[][] pairs = {{a.padTokenId(), b.padTokenId()}, {a.unkTokenId(), b.unkTokenId()}, {a.maskTokenId(), b.maskTokenId()}};
        for (Integer[] p : pairs) {
            if (p[0] != null && p[1] != null) {
                total++;
                matches += p[0].equals(p[1]) ? 1 : 0;
            } else if (p[0] == null && p[1] == null) {
                total++;
                matches++;
            }
        }
        return 0.10 * (total > 0 ? (double) matches / total : 0.5);
    }
}
