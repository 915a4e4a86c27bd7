package dev.pedigree.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The white-box comparison of two models: our verdict and p-value (these decide), MPK's numbers
 * beside ours, the evidence lines and the per-layer matches.
 *
 * @param verdict           {@code related}, {@code unrelated} or {@code inconclusive}
 * @param pValue            the combined p-value, or null when nothing could be tested
 * @param permutations      relabellings per unit-group test
 * @param verdictRule       the rule that turned the p-value into the verdict, in words
 * @param falsePositiveRate the rule's false-positive rate measured on unrelated pairs, or null
 * @param signalTable       the signal table, MPK's column beside ours
 * @param signals           our signals by name (null where not computable)
 * @param mpk               MPK's numbers and label
 * @param evidence          lines a person can read, most telling first
 * @param layers            every pair of layers matched, by unit group
 */
public record WeightComparison(String a, String b, String verdict, Double pValue, int permutations, long seed, String verdictRule,
        Double falsePositiveRate, List<SignalRow> signalTable, Map<String, Double> signals, MpkNumbers mpk, List<String> evidence,
        List<LayerMatch> layers) {

    public WeightComparison {
        signalTable = List.copyOf(signalTable);
        signals = Collections.unmodifiableMap(new LinkedHashMap<>(signals));
        evidence = List.copyOf(evidence);
        layers = List.copyOf(layers);
    }

    /**
     * MPK's numbers for the pair, as MPK would print them; null where MPK reports none.
     *
     * @param mfiTier null when neither model has a config to fingerprint
     * @param label   MPK's decision label ({@code High-Confidence Match}, …)
     */
    public record MpkNumbers(Integer mfiTier, Double mfiScore, Double eas, Double nlf, Double lep, Double end, Double wvc, Double tfv,
            Double voa, Double identityScore, String label) {
    }

    /**
     * One unit group of one pair of layers after alignment.
     *
     * @param group               {@code mlp}, {@code attention}, …
     * @param matched             units whose two independent matchings agree
     * @param compared            units matched on both sides
     * @param medianCosine        median cosine of the matched weights that fitted the matching
     * @param medianHeldOutCosine median cosine of held-out weights under that matching
     */
    public record LayerMatch(int layerA, int layerB, String group, int unitsA, int unitsB, int matched, int compared, Double medianCosine,
            Double medianHeldOutCosine, Double pValue) {
    }
}
