package dev.pedigree.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.signals.GroupResult;
import dev.pedigree.signals.WeightAlignment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The verdict rule and the false-positive rate measured for it on unrelated pairs, as recorded in
 * {@code calibration.json} (figures from {@code pedigree bench compare} and the real-encoder tests).
 *
 * <p>A unit group <em>agrees</em> when at least {@code minAgreeingUnits} units and
 * {@code minAgreeingShare} of its compared units have agreeing matchings. Related: the combined
 * p-value is below {@code relatedBelow} and some group agrees. Unrelated: groups were tested and
 * none agrees (chance agreement is about one unit per group). Otherwise inconclusive. The effect-size
 * condition is there because real independent models share some structure that the exchangeability
 * null ignores: MiniLM against bge-small-zh gives a few groups with 3–7 agreeing units of 1536
 * (p ≈ 0.001–0.03) but never a share near 5%.
 *
 * @param relatedBelow      combined p-value below which, with an agreeing group, the verdict is related
 * @param minAgreeingUnits  agreeing units a group needs to count as agreeing
 * @param minAgreeingShare  share of compared units a group needs to count as agreeing
 * @param unrelatedPairs    unrelated pairs the rule was measured on
 * @param falsePositives    of those, how many the rule called related
 * @param measuredOn        what the unrelated pairs were
 */
public record Calibration(double relatedBelow, int minAgreeingUnits, double minAgreeingShare, int unrelatedPairs, int falsePositives,
        String measuredOn) {

    public static Calibration load() {
        try (InputStream in = Calibration.class.getResourceAsStream("calibration.json")) {
            if (in == null) {
                throw new IllegalStateException("calibration.json is missing from the build");
            }
            JsonNode n = new ObjectMapper().readTree(in);
            return new Calibration(n.path("related_below").asDouble(), n.path("min_agreeing_units").asInt(),
                    n.path("min_agreeing_share").asDouble(), n.path("unrelated_pairs").asInt(), n.path("false_positives").asInt(),
                    n.path("measured_on").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public double falsePositiveRate() {
        return unrelatedPairs == 0 ? Double.NaN : (double) falsePositives / unrelatedPairs;
    }

    public boolean agrees(GroupResult g) {
        return g.matchedUnits() >= minAgreeingUnits && g.matchedUnits() >= minAgreeingShare * g.comparedUnits();
    }

    public Verdict verdict(WeightAlignment w) {
        if (w.groups().isEmpty() || Double.isNaN(w.pValue())) {
            return Verdict.INCONCLUSIVE;
        }
        if (w.groups().stream().noneMatch(this::agrees)) {
            return Verdict.UNRELATED;
        }
        return w.pValue() < relatedBelow ? Verdict.RELATED : Verdict.INCONCLUSIVE;
    }
}
