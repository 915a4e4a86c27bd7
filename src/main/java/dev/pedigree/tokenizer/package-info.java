/**
 * Vocabulary access without running a tokenizer: token strings by id, merges, added and special
 * tokens, read from {@code tokenizer.json} (BPE, WordPiece, Unigram, WordLevel) or from a GGUF
 * container's embedded vocabulary; and the normalisation of token strings (WordPiece {@code ##},
 * byte-level {@code Ġ}, SentencePiece {@code ▁}) that lets two vocabularies be aligned by text.
 */
package dev.pedigree.tokenizer;
