package dev.pedigree.compare;

import dev.pedigree.signals.WeightAlignment;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code compare} reports for one pair.
 *
 * @param signals  our signals by name (NaN where not computable)
 * @param evidence lines a person can read: the embedding summary, the combined test, then each unit group in layer order
 * @param timing   milliseconds per phase, in order
 */
public record ComparisonResult(String labelA, String labelB, Verdict verdict, double pValue, Calibration calibration,
        Map<String, Double> signals, List<String> evidence, MpkSignals mpk, WeightAlignment alignment, Map<String, Long> timing,
        long seed, int permutations) {
}
