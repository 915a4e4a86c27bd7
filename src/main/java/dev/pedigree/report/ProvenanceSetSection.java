package dev.pedigree.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The provenance set of a target: its members with p-values and NI-scores, every step of the
 * sequential test, and the sets at every reported level, with the settings that reproduce it.
 *
 * @param method          the step's method ({@code mps})
 * @param distance        the distance the matrix was built with, or null for a precomputed matrix
 * @param alpha           the level of the headline set
 * @param permutations    R; p-values are multiples of 1/(R+1)
 * @param stoppedBecause  why the set at α stopped growing
 * @param members         the set at α, in the order the models entered it
 * @param steps           every step, the stopping one included
 * @param setsByAlpha     the set at every reported level (level written as its shortest decimal)
 * @param niScores        −log10 p per candidate; null for a candidate no step could test
 * @param references      models known to be unrelated, kept in the pool, never in the set
 * @param untested        candidates no step could test
 */
@JsonIgnoreProperties(value = "p_value_resolution", allowGetters = true)
public record ProvenanceSetSection(String method, String target, String distance, double alpha, int permutations, long seed,
        String stoppedBecause, List<Member> members, List<Step> steps, Map<String, List<String>> setsByAlpha,
        Map<String, Double> niScores, List<String> references, List<String> untested) {

    public ProvenanceSetSection {
        members = List.copyOf(members);
        steps = List.copyOf(steps);
        references = List.copyOf(references);
        untested = List.copyOf(untested);
    }

    /** The smallest p-value R permutations can give. */
    @JsonProperty("p_value_resolution")
    public double pValueResolution() {
        return 1.0 / (permutations + 1.0);
    }

    /** A model of the set at α. */
    public record Member(String model, double pValue, Double niScore) {
    }

    /**
     * One step of the sequential test.
     *
     * @param monotonePValue max of the p-values up to this step; the set at α is the prefix with it ≤ α
     */
    public record Step(int number, String model, boolean reference, int poolSize, double statistic, double pValue,
            @JsonProperty("monotone_p_value") double monotonePValue) {
    }
}
