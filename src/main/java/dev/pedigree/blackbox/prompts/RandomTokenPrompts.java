package dev.pedigree.blackbox.prompts;

import java.util.List;

/**
 * Sequences of 3 to 24 random items separated by spaces: words from every word list, numbers of
 * several magnitudes, letter strings, mixed alphanumeric strings, hex and punctuation. Such prompts
 * have no natural continuation, so what a model says next reflects its own habits, not the text.
 */
final class RandomTokenPrompts implements PromptSource {
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGITS = "0123456789";
    private static final String HEX = "0123456789abcdef";
    private static final String PUNCTUATION = ".,;:!?-_/\\()[]{}<>@#$%&*+=~|'\"";
    private static final int MAX_LENGTH = 200;

    private final List<String> words = List.of("people", "adjectives", "things", "thing-adjectives", "places",
            "times", "code-verbs", "code-nouns", "countries", "elements", "animals", "concepts").stream()
            .flatMap(name -> WordList.of(name).stream()).toList();

    @Override
    public String name() {
        return "random-tokens";
    }

    @Override
    public String description() {
        return "random sequences of words, numbers, letter strings and symbols";
    }

    @Override
    public String draw(SplitMix64 random) {
        int items = random.between(3, 24);
        StringBuilder prompt = new StringBuilder();
        for (int i = 0; i < items; i++) {
            String item = item(random);
            if (prompt.length() + 1 + item.length() > MAX_LENGTH) {
                break;
            }
            if (!prompt.isEmpty()) {
                prompt.append(' ');
            }
            prompt.append(item);
        }
        return prompt.toString();
    }

    private String item(SplitMix64 random) {
        return switch (random.nextInt(8)) {
            case 0, 1, 2 -> random.pick(words);
            case 3 -> Integer.toString(random.nextInt(new int[] {10, 100, 10_000, 1_000_000}[random.nextInt(4)]));
            case 4 -> characters(random, LOWER, random.between(1, 8));
            case 5 -> characters(random, LOWER + UPPER + DIGITS, random.between(2, 6));
            case 6 -> "0x" + characters(random, HEX, random.between(2, 8));
            default -> characters(random, PUNCTUATION, random.between(1, 3));
        };
    }

    private static String characters(SplitMix64 random, String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
