package dev.pedigree.signals.mpk;

import dev.pedigree.signals.Statistics;
import java.util.Map;
import java.util.Objects;

/**
 * MPK's three-tier metadata similarity: equal {@code arch_hash} → 1.0 (tier 1); equal
 * {@code family_hash} with equal hidden size and depth → 0.9 (tier 2); otherwise a weighted soft
 * score over eleven features (tier 3).
 */
public record MfiSimilarity(int tier, double score) {
    private static final double DIM_SIM_THRESHOLD = 0.90;

    public static MfiSimilarity of(Map<String, Object> a, Map<String, Object> b) {
        if (a.get("arch_hash") != null && a.get("arch_hash").equals(b.get("arch_hash"))) {
            return new MfiSimilarity(1, 1.0);
        }
        if (a.get("family_hash") != null && a.get("family_hash").equals(b.get("family_hash"))
                && num(a, "hidden_size") == num(b, "hidden_size") && num(a, "num_hidden_layers") == num(b, "num_hidden_layers")) {
            return new MfiSimilarity(2, 0.9);
        }
        return new MfiSimilarity(3, softScore(a, b));
    }

    static double softScore(Map<String, Object> a, Map<String, Object> b) {
        double score = 0;
        double total = 0;
        total += 2.0;
        score += 2.0 * ((same(a, b, "bos_token_id") ? 1 : 0) + (same(a, b, "eos_token_id") ? 1 : 0)) / 2.0;
        double[] dims = dimension(a, b, "hidden_size", 1.8);
        score += dims[0];
        total += dims[1];
        total += 1.5;
        score += same(a, b, "qk_norm") ? 1.5 : 0;
        dims = dimension(a, b, "num_hidden_layers", 1.5);
        score += dims[0];
        total += dims[1];
        double va = num(a, "vocab_size");
        double vb = num(b, "vocab_size");
        if (va != 0 && vb != 0) {
            total += 1.5;
            score += 1.5 * (1 - Math.abs(va - vb) / Math.max(va, vb));
        }
        total += 1.5;
        score += same(a, b, "attention_style") ? 1.5 : 0;
        total += 1.2;
        Object ra = a.get("rope_theta");
        Object rb = b.get("rope_theta");
        if (ra instanceof Number x && rb instanceof Number y && x.doubleValue() > 0 && y.doubleValue() > 0) {
            score += 1.2 * (1 - Math.abs(x.doubleValue() - y.doubleValue()) / Math.max(x.doubleValue(), y.doubleValue()));
        } else if (ra == null && rb == null) {
            score += 1.2;
        }
        total += 0.5;
        score += same(a, b, "norm_type") ? 0.5 : 0;
        total += 0.4;
        score += same(a, b, "pos_encoding") ? 0.4 : 0;
        total += 0.4;
        score += same(a, b, "attention_bias") ? 0.4 : 0;
        total += 0.1;
        score += same(a, b, "model_type") ? 0.1 : 0;
        return Statistics.round4(score / total);
    }

    /** {weight earned, weight counted}: a dimension counts when both are positive and earns within 10%. */
    private static double[] dimension(Map<String, Object> a, Map<String, Object> b, String key, double w) {
        double x = num(a, key);
        double y = num(b, key);
        if (x > 0 && y > 0) {
            return new double[] {1 - Math.abs(x - y) / Math.max(x, y) >= DIM_SIM_THRESHOLD ? w : 0, w};
        }
        return new double[] {0, 0};
    }

    private static boolean same(Map<String, Object> a, Map<String, Object> b, String key) {
        Object x = a.get(key);
        Object y = b.get(key);
        if (x instanceof Number n && y instanceof Number m) {
            return n.doubleValue() == m.doubleValue();
        }
        return Objects.equals(x, y);
    }

    private static double num(Map<String, Object> m, String key) {
        return m.get(key) instanceof Number n ? n.doubleValue() : 0;
    }
}
