package dev.pedigree.model.gguf;

/**
 * Decodes one ggml type to floats: an {@link ElementDecoder} for plain element types, read with one
 * typed bulk copy straight out of the mapping, or a {@link BlockDecoder} for block-quantised types.
 */
sealed interface GgmlDecoder permits ElementDecoder, BlockDecoder {
}
