package dev.pedigree.blackbox.prompts;

/**
 * One kind of prompt: draws a single prompt from templates and word lists. Draws may repeat;
 * {@link PromptSetGenerator} keeps the first occurrence of each.
 */
interface PromptSource {
    /** The set's name, also its file name in {@code prompts/}. */
    String name();

    /** One line on what the prompts look like. */
    String description();

    /** One prompt: a single line, no line breaks. */
    String draw(SplitMix64 random);

    /** {@code word} with its first letter in upper case, for a sentence start. */
    static String capitalized(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** {@code noun} after "a" or "an", chosen by its first letter. */
    static String withIndefiniteArticle(String noun) {
        return ("aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
    }
}
