package dev.pedigree.fingerprint;

/**
 * What an entry describes.
 *
 * @param key    the database key: the model digest for extracted entries, {@code mpk:<asset id>} for imported ones
 * @param digest the model's content digest (SHA-256, see {@code model.digest}), or null when unknown (MPK entries)
 * @param name   a short display name
 * @param source where it was read from (the MODEL string, or MPK's source URI)
 * @param family family label (MPK's family id, or one given on the command line), or null
 * @param format weight format, or null
 * @param kind   {@link #WEIGHTS} or {@link #METADATA_ONLY}
 * @param origin {@link #EXTRACTED} or {@link #MPK_CATALOGUE}
 */
public record ModelIdentity(String key, String digest, String name, String source, String family, String format, String kind,
        String origin) {
    public static final String WEIGHTS = "weights";
    public static final String METADATA_ONLY = "metadata-only";
    public static final String EXTRACTED = "pedigree";
    public static final String MPK_CATALOGUE = "mpk-catalogue";
}
