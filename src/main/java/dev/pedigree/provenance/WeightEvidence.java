package dev.pedigree.provenance;

import java.util.List;

/**
 * One candidate's weight comparison with the target, or why there is none.
 *
 * @param verdict  {@code related}, {@code unrelated}, {@code inconclusive}, or null when the weights could
 *                 not be compared (then {@code note} says why)
 * @param pValue   the comparison's p-value, NaN without a comparison
 * @param evidence the comparison's first evidence lines
 */
public record WeightEvidence(String candidate, String spec, String verdict, double pValue, List<String> evidence, String note) {
    public WeightEvidence {
        evidence = List.copyOf(evidence);
    }

    static WeightEvidence missing(String candidate, String spec, String why) {
        return new WeightEvidence(candidate, spec, null, Double.NaN, List.of(), why);
    }

    public boolean compared() {
        return verdict != null;
    }

    /**
     * Whether the weights contradict the black-box set: a member whose weights say unrelated, or a
     * non-member whose weights say related (a distilled or heavily re-trained model can be the first kind
     * honestly, since its weights were never copied).
     */
    public boolean disagreesWith(boolean member) {
        return compared() && (member ? verdict.equals("unrelated") : verdict.equals("related"));
    }
}
