package dev.pedigree.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provenance set of a target: its members with p-values and NI-scores, every step of the
 * sequential test, and the sets at every reported level, with the settings that reproduce it.
 *
 * <p>{@code set} runs two methods on the same matrix and seed: this section is the set of the method the
 * user named (the headline), {@code beside} is the other method's set in the same shape, and
 * {@code explanations} says for every candidate why it is or is not in each. A section built by hand
 * (one method only) leaves the three comparison fields null or empty, and JSON then omits them: they were
 * added to schema version 1 without changing any existing field.
 *
 * @param method          the step's method: {@code calibrated} or {@code mps} (the paper's)
 * @param distance        the distance the matrix was built with, or null for a precomputed matrix
 * @param alpha           the level of the set
 * @param permutations    R; p-values are multiples of 1/(R+1)
 * @param stoppedBecause  why the set at α stopped growing
 * @param members         the set at α, in the order the models entered it
 * @param steps           every step, the stopping one included; {@code statistic} is the studentised centred
 *                        mean t for {@code mps} and the robust background z for {@code calibrated} (both:
 *                        smaller = nearer)
 * @param setsByAlpha     the set at every reported level (level written as its shortest decimal)
 * @param niScores        −log10 p per candidate; null for a candidate no step could test
 * @param references      models known to be unrelated, kept in the pool, never in the set
 * @param untested        candidates no step could test
 * @param background      the background the calibrated method measured against, or null when it did not run
 * @param beside          the other method's set on the same matrix, seed and permutations, or null
 * @param explanations    every candidate's place in the calibrated and the paper-faithful set, and why
 */
@JsonIgnoreProperties(value = "p_value_resolution", allowGetters = true)
public record ProvenanceSetSection(String method, String target, String distance, double alpha, int permutations, long seed,
        String stoppedBecause, List<Member> members, List<Step> steps, Map<String, List<String>> setsByAlpha,
        Map<String, Double> niScores, List<String> references, List<String> untested,
        @JsonInclude(JsonInclude.Include.NON_NULL) Background background,
        @JsonInclude(JsonInclude.Include.NON_NULL) ProvenanceSetSection beside,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Explanation> explanations) {

    public ProvenanceSetSection {
        members = List.copyOf(members);
        steps = List.copyOf(steps);
        references = List.copyOf(references);
        untested = List.copyOf(untested);
        explanations = explanations == null ? List.of() : List.copyOf(explanations);
    }

    /** The smallest p-value R permutations can give. */
    @JsonProperty("p_value_resolution")
    public double pValueResolution() {
        return 1.0 / (permutations + 1.0);
    }

    /** The members' names, in the order they entered. */
    public List<String> memberNames() {
        return members.stream().map(Member::model).toList();
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

    /**
     * The background of unrelated distances the calibrated method's first step measured against (the whole
     * pool); each z of its steps is a distance below it in units of {@code scale}.
     *
     * @param source             {@code pool} (the spread of the target's own row) or {@code pairwise:measured} /
     *                           {@code pairwise:FILE} (the candidates' distances to one another)
     * @param models             models it was estimated from
     * @param location           pool: median of the centred mean distances; null with pairwise distances
     * @param scale              the unit of z: 1.4826·MAD (pool) or of the two-way fit's residuals (pairwise)
     * @param spread             pool: the between-model spread τ̂ of the null; null with pairwise distances
     * @param targetEccentricity pairwise: the target's fitted eccentricity; null for the pool
     * @param eccentricities     pairwise: each model's fitted eccentricity (how far it sits from every model)
     */
    public record Background(String source, int models, Double location, Double scale, Double spread, Double targetEccentricity,
            Map<String, Double> eccentricities) {
        public Background {
            eccentricities = eccentricities == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(eccentricities));
        }
    }

    /**
     * Why a candidate is or is not in each method's set.
     *
     * @param backgroundZ robust z against the calibrated background: of the step that took it, or of the pool
     *                    that stopped the calibrated run; null where none could be computed
     * @param text        one sentence for people
     */
    public record Explanation(String model, boolean inCalibratedSet, boolean inPaperFaithfulSet, Double backgroundZ, String text) {
        /** Whether the two methods disagree about this candidate. */
        public boolean differs() {
            return inCalibratedSet != inPaperFaithfulSet;
        }
    }
}
