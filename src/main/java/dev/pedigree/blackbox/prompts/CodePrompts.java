package dev.pedigree.blackbox.prompts;

import java.util.List;
import java.util.Locale;

/**
 * Single-line code fragments in Python, Java, C, SQL, shell and JavaScript styles: signatures,
 * statements, imports and comments built from identifier parts (verb + noun), each cut where the
 * next token is up to the model.
 */
final class CodePrompts implements PromptSource {
    private final List<String> verbs = WordList.of("code-verbs");
    private final List<String> nouns = WordList.of("code-nouns");
    private final List<String> types = WordList.of("code-types");
    private final List<String> modules = WordList.of("code-modules");
    private final List<String> headers = WordList.of("c-headers");
    private final List<String> tables = WordList.of("sql-tables");
    private final List<String> columns = WordList.of("sql-columns");
    private final List<String> extensions = WordList.of("file-extensions");

    @Override
    public String name() {
        return "code";
    }

    @Override
    public String description() {
        return "single-line code fragments in Python, Java, C, SQL, shell and JavaScript styles";
    }

    @Override
    public String draw(SplitMix64 random) {
        String verb = random.pick(verbs);
        String noun = random.pick(nouns);
        String other = random.pick(nouns);
        String snake = verb + "_" + noun;
        String camel = verb + PromptSource.capitalized(noun);
        String pascal = PromptSource.capitalized(noun) + PromptSource.capitalized(other);
        String type = random.pick(types);
        String table = random.pick(tables);
        String column = random.pick(columns);
        String column2 = random.pick(columns);
        int number = random.between(0, 1024);
        return switch (random.nextInt(30)) {
            // Python
            case 0 -> "def " + snake + "(" + other + ", " + random.pick(nouns) + "_list=None):";
            case 1 -> "class " + pascal + "(" + PromptSource.capitalized(other) + "Base):";
            case 2 -> "from " + random.pick(modules) + " import";
            case 3 -> "    return " + snake + "(" + other + ") +";
            case 4 -> "if " + noun + " is None: raise ValueError(\"" + noun + " must not be";
            case 5 -> other + "s = [" + noun + " for " + noun + " in " + other + "s if " + noun + ".";
            case 6 -> "with open(\"" + noun + "." + random.pick(extensions) + "\") as f:";
            case 7 -> "# " + PromptSource.capitalized(verb) + " the " + noun + " before we";
            // Java
            case 8 -> "public static " + type + " " + camel + "(" + random.pick(types) + " " + other + ") {";
            case 9 -> "private final Map<String, " + PromptSource.capitalized(noun) + "> " + other + "s = new";
            case 10 -> "for (int i = 0; i < " + noun + "s.length; i++) {";
            case 11 -> "throw new IllegalArgumentException(\"" + noun + " out of range: \" +";
            case 12 -> "// " + PromptSource.capitalized(verb) + "s the " + noun + " so that the " + other;
            case 13 -> "@Override public " + type + " " + camel + "() { return";
            // C
            case 14 -> "#include <" + random.pick(headers) + ">";
            case 15 -> "int " + snake + "(const char *" + other + ", size_t len) {";
            case 16 -> "while (" + noun + " != NULL && " + noun + "->" + other + " <";
            case 17 -> "struct " + noun + "_" + other + " { uint32_t " + column + ";";
            case 18 -> "/* " + verb + " " + number + " bytes of the " + noun + " into";
            // SQL
            case 19 -> "SELECT " + column + ", " + column2 + " FROM " + table + " WHERE";
            case 20 -> "CREATE TABLE " + table + "_" + noun + " (" + column + " INTEGER PRIMARY KEY,";
            case 21 -> "UPDATE " + table + " SET " + column + " = " + number + " WHERE";
            case 22 -> "INSERT INTO " + table + " (" + column + ", " + column2 + ") VALUES (";
            // shell
            case 23 -> "for f in *." + random.pick(extensions) + "; do";
            case 24 -> "grep -rn \"" + camel + "\" src/ |";
            case 25 -> "if [ -f \"$" + noun.toUpperCase(Locale.ROOT) + "_" + other.toUpperCase(Locale.ROOT) + "\" ]; then";
            case 26 -> "export " + noun.toUpperCase(Locale.ROOT) + "_" + verb.toUpperCase(Locale.ROOT) + "=";
            // JavaScript
            case 27 -> "const " + camel + " = async (" + other + ") => {";
            case 28 -> "function " + camel + "(" + other + ", options = {}) {";
            default -> "// TODO: " + verb + " the " + noun + " once the " + other + " is";
        };
    }
}
