package dev.pedigree.blackbox;

import dev.pedigree.blackbox.cache.OutputCache;
import dev.pedigree.blackbox.cache.OutputCodec;
import dev.pedigree.blackbox.prompts.PromptSet;
import java.io.PrintWriter;
import java.util.List;

/**
 * The queries distances make, each answered from the {@link OutputCache} when it can and from the
 * model otherwise. A cache key holds everything that decides an answer: the model's digest, the
 * prompt-set hash, the query and its decoding settings (and, for forced continuations, whose they are).
 */
public final class ModelQueries {
    private final OutputCache cache;
    private final PromptSet prompts;
    private final PrintWriter err;
    private final boolean progress;

    /**
     * @param err where progress bars go (stderr)
     * @param progress whether to draw them
     */
    public ModelQueries(OutputCache cache, PromptSet prompts, PrintWriter err, boolean progress) {
        this.cache = cache;
        this.prompts = prompts;
        this.err = err;
        this.progress = progress;
    }

    public PromptSet prompts() {
        return prompts;
    }

    /** Sentence embeddings of the prompts. */
    public List<float[]> embeddings(TextEmbedder model) {
        return embeddings(model, "prompts=" + prompts.sha256(), prompts.prompts());
    }

    /**
     * Sentence embeddings of other texts (anchors, continuations).
     *
     * @param textsKey names the texts exactly (a hash of them, or of what produced them)
     */
    public List<float[]> embeddings(TextEmbedder model, String textsKey, List<String> texts) {
        String key = "embed;model=" + model.digest() + ";" + textsKey;
        return cache.get(key, texts.size(), OutputCodec.FLOATS,
                r -> List.of(model.embed(texts.subList(r.from(), r.to()))),
                bar(model.name() + " embed", texts.size()));
    }

    /** Greedy continuations of the prompts. */
    public List<Continuation> continuations(CausalLanguageModel model, Decoding decoding) {
        String key = "generate;model=" + model.digest() + ";prompts=" + prompts.sha256() + ";" + decoding.cacheKey();
        return cache.get(key, prompts.size(), OutputCodec.CONTINUATIONS,
                r -> model.generate(prompts.prompts().subList(r.from(), r.to()), decoding),
                bar(model.name() + " generate", prompts.size()));
    }

    /** Full next-token logits after each prompt. */
    public List<float[]> nextTokenLogits(CausalLanguageModel model) {
        String key = "logits;model=" + model.digest() + ";prompts=" + prompts.sha256();
        return cache.get(key, prompts.size(), OutputCodec.FLOATS,
                r -> List.of(model.nextTokenLogits(prompts.prompts().subList(r.from(), r.to()))),
                bar(model.name() + " logits", prompts.size()));
    }

    /**
     * The model's distributions along forced continuations.
     *
     * @param forcedKey names the forced tokens exactly (the model and settings that produced them)
     */
    public List<TopTokens[]> scores(CausalLanguageModel model, Decoding decoding, String forcedKey, List<int[]> forced) {
        String key = "score;model=" + model.digest() + ";prompts=" + prompts.sha256() + ";" + decoding.cacheKey()
                + ";forced=" + forcedKey;
        return cache.get(key, prompts.size(), OutputCodec.STEPS,
                r -> model.score(prompts.prompts().subList(r.from(), r.to()), forced.subList(r.from(), r.to()), decoding),
                bar(model.name() + " score", prompts.size()));
    }

    private Progress bar(String label, int total) {
        return new Progress(label, total, err, progress);
    }
}
