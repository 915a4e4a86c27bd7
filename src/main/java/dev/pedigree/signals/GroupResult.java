package dev.pedigree.signals;

/**
 * One unit group of one pair of layers after alignment.
 *
 * @param matchedUnits  units whose in- and out-matchings agree
 * @param comparedUnits units matched on both sides
 * @param medianCosineIn  median cosine of matched in-weights (what fitted the matching)
 * @param medianCosineOut median cosine of the out-weights under the in-matching (held-out weights)
 */
public record GroupResult(UnitGroup group, int layerA, int layerB, int unitsA, int unitsB, int matchedUnits, int comparedUnits,
        double medianCosineIn, double medianCosineOut, double pValue, int permutations) {

    /** This result with its p-value multiplied by {@code candidates} (capped at 1), for a pairing chosen among several. */
    public GroupResult bonferroni(int candidates) {
        return candidates == 1 ? this : new GroupResult(group, layerA, layerB, unitsA, unitsB, matchedUnits, comparedUnits, medianCosineIn,
                medianCosineOut, Math.min(1, pValue * candidates), permutations);
    }

    /** "layer 3 MLP: 1536/1536 neurons matched, median cosine 0.998 (held-out 0.997), p = 0.001" */
    public String evidence() {
        String layers = layerA == layerB ? "layer " + layerA : "layer " + layerA + "↔" + layerB;
        String units = group == UnitGroup.MLP ? "neurons" : "rows";
        return String.format(java.util.Locale.ROOT, "%s %s: %d/%d %s matched, median cosine %.3f (held-out %.3f), p = %.3g",
                layers, group.label, matchedUnits, comparedUnits, units, medianCosineIn, medianCosineOut, pValue);
    }
}
