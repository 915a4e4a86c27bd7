package dev.pedigree.tokenizer;

/**
 * Ids of the tokens a tokenizer names as special, as {@code tokenizer_config.json} (or GGUF metadata)
 * declares them; null where undeclared. {@code tokenizerClass} is the declared class without a
 * {@code Fast} suffix, or null.
 */
public record SpecialTokens(Integer bos, Integer eos, Integer pad, Integer unk, Integer mask, String tokenizerClass) {
    public static final SpecialTokens NONE = new SpecialTokens(null, null, null, null, null, null);
}
