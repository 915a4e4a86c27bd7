package dev.pedigree.blackbox;

/**
 * A greedy continuation: its token ids (empty for a backend that reports only text), its decoded text,
 * and per generated position the top of the distribution the token was chosen from. Generation may stop
 * early at an end-of-sequence token, so {@code tokens} can be shorter than requested.
 */
public record Continuation(int[] tokens, String text, TopTokens[] steps) {
}
