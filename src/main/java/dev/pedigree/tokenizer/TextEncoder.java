package dev.pedigree.tokenizer;

/** Turns text into token ids without special tokens: what MPK's EAS asks of a tokenizer. */
@FunctionalInterface
public interface TextEncoder {
    long[] encode(String text);
}
