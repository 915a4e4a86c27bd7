package dev.pedigree.report;

import java.util.List;

/**
 * A search of the fingerprint database for the models the target is built on.
 *
 * @param database    the database directory searched
 * @param entries     entries searched
 * @param shortlisted entries the fast pass sent to the full comparison
 * @param rule        the rule that makes an entry a weight match, in words
 * @param identical   entries with the target's exact content digest
 * @param matches     entries linked by the weights, then metadata-only resemblances
 * @param nearest     the closest other entries by weight sketch, with why they are not matches
 */
public record ScanSection(String database, int entries, int shortlisted, int permutations, long seed, String rule, List<String> identical, List<Hit> matches,
        List<Hit> nearest) {

    public ScanSection {
        identical = List.copyOf(identical);
        matches = List.copyOf(matches);
        nearest = List.copyOf(nearest);
    }

    /**
     * One database entry as the scan judged it.
     *
     * @param matchType        {@code weights}, {@code metadata-only}, or null when not a match
     * @param verdict          related / unrelated / inconclusive from the weights; {@code metadata-resemblance} otherwise
     * @param score            the weight score (near 1 for a copy) or MPK's MFI score for a metadata-only entry; null when none
     * @param sketchSimilarity first-pass cosine of the weight sketches, or null
     */
    public record Hit(String model, String family, String matchType, String verdict, Double score, Double pValue, Double sketchSimilarity,
            List<String> evidence) {
        public Hit {
            evidence = List.copyOf(evidence);
        }
    }
}
