package dev.pedigree.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of one run of the provenance-set test: every step, and the configuration that reproduces
 * it bit for bit (method, level, reported levels, permutations, seed).
 *
 * @param method       the step's method name ({@code "mps"})
 * @param candidates   the candidate names, in matrix order
 * @param references   the reference model names, in matrix order
 * @param alpha        the level of the headline set
 * @param levels       every level a set is reported at (ascending, α included)
 * @param permutations R: p-values are multiples of 1/(R+1)
 * @param seed         the seed of the run's random stream
 * @param steps        every step of the run, in order, the stopping step included
 * @param end          why the run (carried to the largest level) ended
 */
public record ProvenanceSet(String method, List<String> candidates, List<String> references, double alpha,
        List<Double> levels, int permutations, long seed, List<ExclusionStep> steps, StopReason end) {

    public ProvenanceSet {
        candidates = List.copyOf(candidates);
        references = List.copyOf(references);
        levels = List.copyOf(levels);
        steps = List.copyOf(steps);
    }

    /** The steps that put a model in the set at level α, in order. */
    public List<ExclusionStep> members() {
        return membersAt(alpha);
    }

    /** The steps that put a model in the set at {@code level} (the prefix with monotone p ≤ level). */
    public List<ExclusionStep> membersAt(double level) {
        checkLevel(level);
        List<ExclusionStep> members = new ArrayList<>();
        for (ExclusionStep s : steps) {
            if (s.reference() || s.monotonePValue() > level) {
                break;
            }
            members.add(s);
        }
        return members;
    }

    /** The set's model names at every reported level, ascending. */
    public Map<Double, List<String>> setsByLevel() {
        Map<Double, List<String>> sets = new LinkedHashMap<>();
        for (double level : levels) {
            sets.put(level, membersAt(level).stream().map(ExclusionStep::model).toList());
        }
        return sets;
    }

    /** Why the set at level α stopped growing. */
    public StopReason stoppedBecause() {
        int size = members().size();
        if (size < steps.size()) {
            return steps.get(size).reference() ? StopReason.NEAREST_IS_REFERENCE : StopReason.NOT_SIGNIFICANT;
        }
        return end;
    }

    /**
     * NI-score (non-independence) of every candidate at level α, in matrix order: {@code −log10 p̂} of
     * the step that put it in the set; for the others {@code −log10 p̂} of the step that stopped the set
     * (an upper bound on the evidence against them). {@link Double#NaN} for the last candidate of a
     * pool reduced to one model, which no step could test.
     */
    public Map<String, Double> niScores() {
        List<ExclusionStep> members = members();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (ExclusionStep s : members) {
            scores.put(s.model(), -Math.log10(s.monotonePValue()));
        }
        double rest = members.size() < steps.size() ? -Math.log10(steps.get(members.size()).monotonePValue()) : Double.NaN;
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (String c : candidates) {
            ordered.put(c, scores.getOrDefault(c, rest));
        }
        return ordered;
    }

    private void checkLevel(double level) {
        double largest = Math.max(alpha, levels.getLast());
        if (!(level > 0 && level <= largest)) {
            throw new IllegalArgumentException("the run went on to level " + largest + " only, asked for " + level);
        }
    }
}
