package dev.pedigree.report;

import java.util.List;
import java.util.Map;

/**
 * The white-box comparison of two models: our verdict and p-value (these decide), MPK's numbers
 * beside ours, and the evidence lines.
 *
 * @param verdict           {@code related}, {@code unrelated} or {@code inconclusive}
 * @param pValue            the combined p-value, or null when nothing could be tested
 * @param falsePositiveRate the verdict rule's false-positive rate measured on unrelated pairs, or null
 * @param mpkLabel          MPK's label for the pair, or null
 * @param signals           the signal table, MPK's column beside ours
 * @param ours              our signals by name (null where not computable)
 * @param mpk               MPK's numbers by name (null where MPK reports none)
 * @param evidence          lines a person can read, most telling first
 */
public record WeightComparison(String a, String b, String verdict, Double pValue, int permutations, long seed,
        Double falsePositiveRate, String mpkLabel, List<SignalRow> signals, Map<String, Double> ours, Map<String, Double> mpk,
        List<String> evidence) {

    public WeightComparison {
        signals = List.copyOf(signals);
        evidence = List.copyOf(evidence);
        ours = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ours));
        mpk = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(mpk));
    }
}
