package dev.pedigree.fingerprint;

import java.util.List;
import java.util.Map;

/**
 * What {@code scan} reports.
 *
 * @param query     the scanned model
 * @param identical entries with the query's exact content digest (the model itself is in the database)
 * @param matches   entries linked by the weights ({@code weights}), then entries whose metadata or tokenizer
 *                  hashes agree but that have no weights to test ({@code metadata-only}); at most top-k
 * @param nearest   the closest other entries by weight sketch, with why they are not matches; at most top-k
 * @param entries   entries searched; {@code shortlisted} of them went to the second pass
 * @param rule      the decision rule of the weight test, in words
 * @param warnings  entries refused on load, one line each
 * @param timing    milliseconds per phase
 */
public record ScanResult(ModelIdentity query, List<ModelIdentity> identical, List<ScanMatch> matches, List<ScanMatch> nearest,
        int entries, int shortlisted, int permutations, long seed, String rule, List<String> warnings, Map<String, Long> timing) {
}
