package dev.pedigree.tokenizer;

/** The subword model a vocabulary belongs to, which fixes how its token strings mark word starts. */
public enum TokenizerKind {
    /** Byte-pair encoding: byte-level (GPT-2 {@code Ġ}) or SentencePiece-style ({@code ▁}). */
    BPE,
    /** BERT WordPiece: continuation pieces carry a prefix ({@code ##}); other pieces start words. */
    WORDPIECE,
    /** SentencePiece unigram: word starts carry {@code ▁}. */
    UNIGRAM,
    WORDLEVEL,
    UNKNOWN
}
