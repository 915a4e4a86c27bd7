package dev.pedigree.tokenizer;

/** A token added on top of the model's vocabulary; {@code special} ones are never split or normalised. */
public record AddedToken(int id, String content, boolean special) {
}
