package dev.pedigree.fingerprint;

/**
 * MPK's weight-signal inputs, kept compact.
 *
 * @param easAnchors     K, the number of MPK anchor tokens
 * @param easUpper       upper triangle (row by row, diagonal excluded) of the K×K anchor cosine matrix, as
 *                       IEEE half floats, little-endian (EAS moves by under 1e-3)
 * @param endHistogram   MPK's 20-bin embedding norm histogram
 * @param nlfMode        "direct" or "stats"
 * @param nlfCount       number of norm vectors
 * @param nlfVector      the NLF vector as IEEE half floats, little-endian (cosines move by under 1e-4)
 * @param lepProfile     per-layer energy profile
 */
public record MpkInputs(int easAnchors, byte[] easUpper, double[] endHistogram, String nlfMode, int nlfCount, byte[] nlfVector,
        double[] lepProfile) {
}
