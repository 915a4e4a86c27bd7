package dev.pedigree.compare;

/**
 * MPK's numbers for one pair, as MPK would print them (NaN where MPK reports none).
 *
 * @param mfiTier 0 when neither model has a config to fingerprint
 */
public record MpkSignals(int mfiTier, double mfiScore, double eas, double nlf, double lep, double end, double wvc, double tfv,
        double voa, double identityScore, String label) {
}
