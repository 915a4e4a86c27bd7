package dev.pedigree.signals.mpk;

import dev.pedigree.signals.Statistics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MPK's share of letters per script family over a list of token strings: ASCII counts as Latin,
 * other letters by their Unicode character name (CJK/Hangul/kana/Bopomofo, Cyrillic, Arabic,
 * Devanagari, Latin, else Other). Ordered by count, descending, ties in first-seen order, like
 * Python's {@code Counter.most_common()}.
 */
public final class ScriptDistribution {
    public static final List<String> ANCHORED = List.of("Latin", "CJK", "Cyrillic", "Arabic", "Devanagari");

    private ScriptDistribution() {
    }

    public static Map<String, Double> of(List<String> tokens) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        long total = 0;
        for (String t : tokens) {
            for (int i = 0; i < t.length(); ) {
                int cp = t.codePointAt(i);
                i += Character.charCount(cp);
                if (Character.isLetter(cp)) {
                    counts.computeIfAbsent(script(cp), k -> new long[1])[0]++;
                    total++;
                }
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        if (total == 0) {
            return out;
        }
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(counts.entrySet());
        entries.sort((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0]));
        for (Map.Entry<String, long[]> e : entries) {
            out.put(e.getKey(), Statistics.round4((double) e.getValue()[0] / total));
        }
        return out;
    }

    static String script(int cp) {
        if (cp <= 0x7F) {
            return "Latin";
        }
        String name = Character.getName(cp);
        if (name == null) {
            return "Other";
        }
        if (name.contains("CJK") || name.contains("HANGUL") || name.contains("HIRAGANA") || name.contains("KATAKANA")
                || name.contains("BOPOMOFO")) {
            return "CJK";
        }
        if (name.contains("CYRILLIC")) {
            return "Cyrillic";
        }
        if (name.contains("ARABIC")) {
            return "Arabic";
        }
        if (name.contains("DEVANAGARI")) {
            return "Devanagari";
        }
        return name.contains("LATIN") ? "Latin" : "Other";
    }
}
