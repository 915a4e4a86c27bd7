package dev.pedigree.blackbox.prompts;

import java.util.List;

/**
 * Unfinished English sentences: a subject (determiner, optional adjective, person), a transitive verb,
 * an object (determiner, optional adjective, thing), a place or a time, in one of a dozen frames that
 * stop where a model must continue.
 */
final class SentencePrompts implements PromptSource {
    private final List<String> determiners = WordList.of("determiners");
    private final List<String> adjectives = WordList.of("adjectives");
    private final List<String> people = WordList.of("people");
    private final List<String> thingAdjectives = WordList.of("thing-adjectives");
    private final List<String> things = WordList.of("things");
    private final List<String> verbs = WordList.of("verbs");
    private final List<String> places = WordList.of("places");
    private final List<String> times = WordList.of("times");

    @Override
    public String name() {
        return "sentences-en";
    }

    @Override
    public String description() {
        return "English sentence openings from templates and word lists";
    }

    @Override
    public String draw(SplitMix64 random) {
        String s = subject(random);
        String o = object(random);
        String[] verb = random.pick(verbs).split(" ");
        String base = verb[0];
        String past = verb[1];
        String p = random.pick(places);
        String t = random.pick(times);
        return switch (random.nextInt(12)) {
            case 0 -> PromptSource.capitalized(s) + " " + past + " " + o + " " + p;
            case 1 -> PromptSource.capitalized(t) + ", " + s + " " + past + " " + o + " because";
            case 2 -> PromptSource.capitalized(s) + " wanted to " + base + " " + o + ", but";
            case 3 -> "After " + s + " " + past + " " + o + " " + p + ",";
            case 4 -> PromptSource.capitalized(p) + ", " + s + " quietly " + past + " " + o + " and then";
            case 5 -> "Nobody expected " + s + " to " + base + " " + o + " " + t + ", so";
            case 6 -> "The reason " + s + " " + past + " " + o + " was that";
            case 7 -> PromptSource.capitalized(s) + " " + past + " " + o + " " + t + ", and everyone";
            case 8 -> "It was " + t + " when " + s + " finally decided to";
            case 9 -> "\"Why did you " + base + " " + o + "?\" asked " + s + ", and";
            case 10 -> "Before " + s + " could " + base + " " + o + ", " + subject(random);
            default -> "I still remember how " + s + " used to " + base + " " + o + " " + p;
        };
    }

    private String subject(SplitMix64 random) {
        return phrase(random, adjectives, people);
    }

    private String object(SplitMix64 random) {
        return phrase(random, thingAdjectives, things);
    }

    /** Determiner, an adjective half of the time, noun; "a" becomes "an" before a vowel. */
    private String phrase(SplitMix64 random, List<String> adjectiveList, List<String> nouns) {
        String determiner = random.pick(determiners);
        String rest = random.nextInt(2) == 0 ? random.pick(adjectiveList) + " " + random.pick(nouns) : random.pick(nouns);
        return determiner.equals("a") ? PromptSource.withIndefiniteArticle(rest) : determiner + " " + rest;
    }
}
