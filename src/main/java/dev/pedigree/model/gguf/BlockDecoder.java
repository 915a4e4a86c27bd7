package dev.pedigree.model.gguf;

/**
 * Turns whole blocks of one quantised ggml type into floats. Decoders work on a byte array the tensor
 * copied its blocks into (one bulk copy out of the mapping), so their inner loops index plain arrays.
 */
non-sealed interface BlockDecoder extends GgmlDecoder {
    /** Decodes {@code blocks} consecutive blocks starting at {@code src[srcOffset]} into {@code dst[dstOffset..]}. */
    void decode(byte[] src, int srcOffset, float[] dst, int dstOffset, int blocks);
}
