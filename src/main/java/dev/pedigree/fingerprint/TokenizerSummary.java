package dev.pedigree.fingerprint;

import java.util.Map;

/**
 * A tokenizer in brief.
 *
 * @param tokenizerHash SHA-256 of the tokenizer file's text (MPK's {@code tokenizer_hash}), or null
 * @param vocabSize     number of token strings
 * @param vocabDigest   SHA-256 of the normalised token strings in id order, one per line; equal digests mean
 *                      the same vocabulary whatever file it was read from (null for MPK entries, which lack it)
 * @param tfv           MPK's tokenizer features (TFV) by MPK's field names, without the full merge list
 */
public record TokenizerSummary(String tokenizerHash, int vocabSize, String vocabDigest, Map<String, Object> tfv) {
}
