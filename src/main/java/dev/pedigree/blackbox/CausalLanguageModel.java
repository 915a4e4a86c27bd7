package dev.pedigree.blackbox;

import java.util.List;
import java.util.Optional;

/** A model that continues text one token at a time (greedy decoding only: answers are reproducible). */
public interface CausalLanguageModel extends QueryableModel {
    /**
     * The greedy continuation of each prompt, with the top of the next-token distribution at each
     * generated position.
     */
    List<Continuation> generate(List<String> prompts, Decoding decoding);

    /**
     * The next-token distributions this model gives along a continuation it did not choose: for
     * prompt {@code i} and forced tokens {@code forced.get(i)}, one entry per forced token — the
     * distribution the token was drawn from. Only meaningful when both models share a vocabulary.
     */
    List<TopTokens[]> score(List<String> prompts, List<int[]> forced, Decoding decoding);

    /**
     * The full next-token logit vector after each prompt (vocabulary-wide, one float per token).
     *
     * @throws UnsupportedOperationException where the backend cannot see logits (a remote server)
     */
    float[][] nextTokenLogits(List<String> prompts);

    /**
     * The digest of the tokenizer, when known: two models with the same one compare token ids; models
     * without one or with different ones compare decoded text.
     */
    Optional<String> tokenizerDigest();
}
