package dev.pedigree.fingerprint;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One database entry. Written by {@link FingerprintCodec}: {@code entryHash} is the SHA-256 of the
 * entry's canonical JSON without that field, checked on every load.
 *
 * @param schemaVersion the saved form's version; a reader refuses versions above {@link #SCHEMA_VERSION}
 * @param toolVersion   the pedigree version that wrote the entry
 * @param createdAt     ISO-8601 instant of extraction
 * @param environment   JVM, OS and architecture that extracted it
 * @param model         what the entry describes and how complete it is
 * @param mfi           MPK's metadata fingerprint fields, including {@code arch_hash} and {@code family_hash}
 * @param tokenizer     tokenizer summary, or null when the model has none
 * @param weights       weight features, or null for a metadata-and-tokenizer-only entry
 * @param entryHash     SHA-256 of the canonical JSON of everything else
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Fingerprint(
        int schemaVersion,
        String toolVersion,
        String createdAt,
        String environment,
        ModelIdentity model,
        Map<String, Object> mfi,
        TokenizerSummary tokenizer,
        WeightFeatures weights,
        String entryHash) {

    /** The newest schema this build reads and the one it writes. */
    public static final int SCHEMA_VERSION = 1;

    public boolean hasWeights() {
        return weights != null;
    }

    /** This entry with its hash set (the codec computes it). */
    Fingerprint withEntryHash(String hash) {
        return new Fingerprint(schemaVersion, toolVersion, createdAt, environment, model, mfi, tokenizer, weights, hash);
    }

    /** The MFI field as a string, or null. */
    public String mfiString(String key) {
        Object v = mfi == null ? null : mfi.get(key);
        return v == null ? null : v.toString();
    }
}
