package dev.pedigree.compare;

import dev.pedigree.model.RoleAssignment;
import dev.pedigree.signals.WeightAlignment;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code compare} reports for one pair.
 *
 * @param signals  our signals by name (NaN where not computable)
 * @param evidence lines a person can read: the embedding summary, the combined test, then each unit group in layer order
 * @param timing   milliseconds per phase, in order
 * @param rolesA   where A's tensor roles came from (a naming table, or inferred from structure), as used in the comparison
 */
public record ComparisonResult(String labelA, String labelB, Verdict verdict, double pValue, Calibration calibration,
        Map<String, Double> signals, List<String> evidence, MpkSignals mpk, WeightAlignment alignment, Map<String, Long> timing,
        long seed, int permutations, RoleAssignment rolesA, RoleAssignment rolesB) {
}
