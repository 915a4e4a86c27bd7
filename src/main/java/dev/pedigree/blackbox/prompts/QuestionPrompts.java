package dev.pedigree.blackbox.prompts;

import java.util.List;

/**
 * Openings of factual questions and statements (geography, chemistry, animals, books, definitions,
 * arithmetic) that stop where the answer begins: models trained on similar data tend to agree here,
 * which makes the set a hard background for black-box distances.
 */
final class QuestionPrompts implements PromptSource {
    private final List<String> countries = WordList.of("countries");
    private final List<String> countryFacts = WordList.of("country-facts");
    private final List<String> elements = WordList.of("elements");
    private final List<String> elementFacts = WordList.of("element-facts");
    private final List<String> animals = WordList.of("animals");
    private final List<String> animalFacts = WordList.of("animal-facts");
    private final List<String> books = WordList.of("books");
    private final List<String> concepts = WordList.of("concepts");
    private final List<String> people = WordList.of("people");

    @Override
    public String name() {
        return "facts-qa";
    }

    @Override
    public String description() {
        return "openings of factual questions and statements that stop where the answer begins";
    }

    @Override
    public String draw(SplitMix64 random) {
        String country = random.pick(countries);
        String element = random.pick(elements);
        String animal = random.pick(animals);
        String book = random.pick(books);
        String concept = random.pick(concepts);
        int a = random.between(2, 99);
        int b = random.between(2, 99);
        return switch (random.nextInt(14)) {
            case 0 -> "Q: What is the " + random.pick(countryFacts) + " of " + country + "? A:";
            case 1 -> "The " + random.pick(countryFacts) + " of " + country + " is";
            case 2 -> "Question: What is the " + random.pick(elementFacts) + " of " + element + "? Answer:";
            case 3 -> "The " + random.pick(elementFacts) + " of " + element + " is";
            case 4 -> "Q: What is the " + random.pick(animalFacts) + " of the " + animal + "? A:";
            case 5 -> "The " + random.pick(animalFacts) + " of the " + animal + " is";
            case 6 -> "Q: Who wrote " + book + "? A:";
            case 7 -> "In " + book + ", the main character";
            case 8 -> "In simple terms, " + concept + " is";
            case 9 -> "Q: Can you explain " + concept + " to " + PromptSource.withIndefiniteArticle(random.pick(people)) + "? A:";
            case 10 -> "Q: What is " + a + " times " + b + "? A:";
            case 11 -> "Q: What is " + a + " plus " + b + "? A:";
            case 12 -> "Q: Which is larger, " + country + " or " + random.pick(countries) + "? A:";
            default -> "Q: What does " + PromptSource.withIndefiniteArticle(random.pick(people)) + " do in " + country + "? A:";
        };
    }
}
