package dev.pedigree.blackbox.prompts;

import dev.pedigree.error.BadInputException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes the shipped prompt sets: draws from one {@link PromptSource} with a seeded SplitMix64 until it
 * has {@code count} distinct prompts, in first-drawn order. The same name, count and seed give the same
 * bytes on every JDK and machine, which is what lets {@code prompts/README.md} record a hash.
 */
public final class PromptSetGenerator {
    /** No prompt is longer than this, so every model's context window holds it with room to spare. */
    public static final int MAX_PROMPT_LENGTH = 200;

    /** Draws allowed per requested prompt before concluding the source cannot make that many distinct ones. */
    private static final int DRAWS_PER_PROMPT = 50;

    private static final List<PromptSource> SOURCES = List.of(
            new SentencePrompts(), new CodePrompts(), new RandomTokenPrompts(), new QuestionPrompts());

    private PromptSetGenerator() {
    }

    /** The names of the sets this generator makes. */
    public static List<String> names() {
        return SOURCES.stream().map(PromptSource::name).toList();
    }

    /** One line describing the named set. */
    public static String description(String name) {
        return source(name).description();
    }

    /**
     * {@code count} distinct prompts of the named set.
     *
     * @throws BadInputException for an unknown name, a count below 1, or more prompts than the
     *     source can make distinct
     */
    public static List<String> generate(String name, int count, long seed) {
        PromptSource source = source(name);
        if (count < 1) {
            throw new BadInputException("prompt count must be at least 1, got " + count);
        }
        SplitMix64 random = new SplitMix64(seed);
        Set<String> prompts = new LinkedHashSet<>();
        long draws = (long) count * DRAWS_PER_PROMPT;
        for (long d = 0; d < draws && prompts.size() < count; d++) {
            String prompt = source.draw(random);
            if (prompt.length() > MAX_PROMPT_LENGTH || prompt.isBlank() || prompt.indexOf('\n') >= 0
                    || prompt.indexOf('\r') >= 0) {
                throw new IllegalStateException(name + " drew a prompt that breaks the set's rules: " + prompt);
            }
            prompts.add(prompt);
        }
        if (prompts.size() < count) {
            throw new BadInputException("set " + name + " cannot make " + count + " distinct prompts (got "
                    + prompts.size() + " in " + draws + " draws)");
        }
        return List.copyOf(prompts);
    }

    /** The file form of a set: each prompt followed by a line feed, UTF-8. */
    public static byte[] toBytes(List<String> prompts) {
        StringBuilder text = new StringBuilder();
        for (String prompt : prompts) {
            text.append(prompt).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static PromptSource source(String name) {
        return SOURCES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(
                () -> new BadInputException("no prompt set named " + name + "; known: " + String.join(", ", names())));
    }
}
