package dev.pedigree.report;

import java.util.List;
import java.util.Map;

/**
 * The black-box distances from the target to each candidate, summarised per candidate.
 *
 * @param distance        {@code token}, {@code semantic}, {@code distribution}, {@code representation}, or
 *                        {@code matrix} for a precomputed matrix
 * @param promptSetSha256 the prompt set's content hash, or null when unknown
 * @param prompts         prompts per candidate
 * @param candidates      one summary per candidate, in matrix order
 * @param excluded        candidates that could not be queried, and why
 */
public record DistanceSection(String distance, String promptSetSha256, int prompts, List<DistanceSummary> candidates,
        Map<String, String> excluded) {
    public DistanceSection {
        candidates = List.copyOf(candidates);
        excluded = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(excluded));
    }
}
