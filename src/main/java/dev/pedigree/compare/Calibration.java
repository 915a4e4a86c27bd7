package dev.pedigree.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The verdict thresholds and the false-positive rate measured for them on unrelated pairs, as
 * recorded in {@code calibration.json} by {@code pedigree bench compare} (which regenerates it).
 *
 * @param relatedBelow    combined p-value below which the verdict is related
 * @param unrelatedAbove  combined p-value at or above which the verdict is unrelated
 * @param unrelatedPairs  unrelated pairs the threshold was measured on
 * @param falsePositives  of those, how many had p below {@code relatedBelow}
 * @param measuredOn      what the unrelated pairs were
 */
public record Calibration(double relatedBelow, double unrelatedAbove, int unrelatedPairs, int falsePositives, String measuredOn) {

    public static Calibration load() {
        try (InputStream in = Calibration.class.getResourceAsStream("calibration.json")) {
            if (in == null) {
                throw new IllegalStateException("calibration.json is missing from the build");
            }
            JsonNode n = new ObjectMapper().readTree(in);
            return new Calibration(n.path("related_below").asDouble(), n.path("unrelated_above").asDouble(),
                    n.path("unrelated_pairs").asInt(), n.path("false_positives").asInt(), n.path("measured_on").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public double falsePositiveRate() {
        return unrelatedPairs == 0 ? Double.NaN : (double) falsePositives / unrelatedPairs;
    }

    public Verdict verdict(double pValue) {
        if (Double.isNaN(pValue)) {
            return Verdict.INCONCLUSIVE;
        }
        return pValue < relatedBelow ? Verdict.RELATED : pValue >= unrelatedAbove ? Verdict.UNRELATED : Verdict.INCONCLUSIVE;
    }
}
