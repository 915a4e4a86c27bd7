package dev.pedigree.fingerprint;

/**
 * What the first scan pass keeps in memory per entry: its identity, hashes and sketch. The full
 * entry is read again (and checked again, against {@code entryHash} too) only for the short list.
 *
 * @param entryHash the entry's own {@code entry_hash} when it was indexed
 * @param sketch    null for metadata-only entries
 */
public record IndexEntry(java.nio.file.Path file, String entryHash, ModelIdentity model, String archHash, String familyHash,
        String tokenizerHash, String vocabDigest, float[] sketch) {

    static IndexEntry of(java.nio.file.Path file, Fingerprint f) {
        return new IndexEntry(file, f.entryHash(), f.model(), f.mfiString("arch_hash"), f.mfiString("family_hash"),
                f.tokenizer() == null ? f.mfiString("tokenizer_hash") : f.tokenizer().tokenizerHash(),
                f.tokenizer() == null ? null : f.tokenizer().vocabDigest(), f.hasWeights() ? f.weights().sketch() : null);
    }
}
