package dev.pedigree.fingerprint;

import java.util.List;

/**
 * One database entry as the second scan pass judged it against the query.
 *
 * @param matchType       {@code weights} when the weights say related, {@code metadata-only} when only
 *                        configuration or tokenizer hashes agree (never lineage), null when not a match
 * @param verdict         related / unrelated / inconclusive from the weights; {@code metadata-resemblance}
 *                        for metadata-only entries
 * @param score           median held-out correlation of the matched embedding hidden units (weights; near 1 for
 *                        a copy, near 0 for unrelated models), or MPK's MFI score (metadata-only)
 * @param pValue          exact permutation p-value of the independence test (NaN for metadata-only)
 * @param sketchSimilarity first-pass cosine of the weight sketches (NaN without weights)
 * @param mpk             MPK's numbers for the pair, from the stored features
 * @param evidence        lines a person can read, most telling first
 */
public record ScanMatch(ModelIdentity model, String matchType, String verdict, double score, double pValue, double sketchSimilarity,
        MpkNumbers mpk, List<String> evidence) {

    /**
     * @param mfiTier 0 when either side lacks metadata
     * @param identityScore over EAS, NLF, LEP and END (WVC needs the full weights, so NaN here)
     */
    public record MpkNumbers(int mfiTier, double mfiScore, double eas, double nlf, double lep, double end, double identityScore,
            String label) {
    }
}
