package dev.pedigree.fingerprint;

import dev.pedigree.tokenizer.Vocabulary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The token sample whose embedding rows a fingerprint keeps. Two parts, both keyed by normalised
 * token text so that any two fingerprints meet on the tokens their vocabularies share:
 * <ol>
 * <li>a fixed list of strings most vocabularies contain (digits, punctuation, frequent English words
 *     and word pieces, frequent CJK characters), looked up as a word start first ({@code ▁the}),
 *     then as a word-internal piece ({@code the}); pieces listed with {@code ##} the other way round;</li>
 * <li>{@link #SAMPLED} ids drawn with a fixed seed from the first 50,000 ids, so that two models with
 *     the same vocabulary share those too (most derivatives keep their parent's vocabulary).</li>
 * </ol>
 * The first {@link #CORE} strings (digits and six punctuation marks) feed the first-pass sketch.
 */
public final class CanonicalTokens {
    /** Strings of the fixed list that the sketch's geometry block uses, in this order. */
    public static final int CORE = 16;
    static final int SAMPLED = 96;
    private static final long SEED = 0x5ca1ab1eL;
    private static final int SAMPLE_RANGE = 50_000;

    static final List<String> FIXED = List.of(
            "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", ".", ",", "(", ")", "-", ":",
            "!", "?", ";", "'", "\"", "[", "]", "/", "&", "%", "$", "#", "@", "*", "+", "=", "<", ">", "_",
            "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "was", "with", "be", "by", "on", "not",
            "he", "i", "this", "are", "or", "his", "from", "at", "which", "but", "have", "an", "they", "you", "were",
            "her", "she", "there", "one", "all", "we", "their", "has", "been", "if", "more", "when", "will", "would",
            "who", "so", "no", "can", "time", "new", "year", "first", "people", "only", "also", "after", "two", "then",
            "other", "some", "what", "may", "out", "up", "about", "into", "over", "than", "its", "made", "most", "like",
            "world", "state", "city", "school", "water", "house", "good", "work", "day", "name", "number", "part",
            "The", "In", "It", "He", "A", "This", "She", "They",
            "##s", "##ed", "##ing", "##er", "##ly", "##es", "##tion", "##al", "##ment", "##ness", "##est", "##able",
            "的", "一", "是", "不", "了", "人", "我", "在", "有", "他", "这", "中", "大", "来", "上", "国", "个", "到",
            "说", "们", "为", "子", "和", "你", "地", "出", "道", "也", "时", "年");

    private CanonicalTokens() {
    }

    /** A chosen token: its key (the text two fingerprints meet on) and its id in this vocabulary. */
    public record Pick(String key, int id) {
    }

    /** The sample for this vocabulary, limited to ids below {@code rows} (embedding rows). */
    public static List<Pick> select(Vocabulary v, int rows) {
        Map<String, Integer> byText = new HashMap<>();
        int limit = Math.min(v.size(), rows);
        for (int id = 0; id < limit; id++) {
            String t = CompareSignals.tokenText(v, id);
            if (t != null && !CompareSignals.isSpecial(v, id)) {
                byText.putIfAbsent(t, id);
            }
        }
        Map<String, Integer> picks = new LinkedHashMap<>();
        String ws = CompareSignals.wordStart();
        for (String s : FIXED) {
            boolean piece = s.startsWith("##");
            String bare = piece ? s.substring(2) : s;
            Integer id = piece ? first(byText, bare, ws + bare) : first(byText, ws + bare, bare);
            if (id != null) {
                picks.putIfAbsent(s, id);
            }
        }
        SplittableRandom rnd = new SplittableRandom(SEED);
        int range = Math.min(limit, SAMPLE_RANGE);
        java.util.Set<Integer> used = new java.util.HashSet<>(picks.values());
        for (int tries = 0, added = 0; added < SAMPLED && tries < 20 * SAMPLED && range > 0; tries++) {
            int id = rnd.nextInt(range);
            String t = CompareSignals.tokenText(v, id);
            if (t == null || CompareSignals.isSpecial(v, id) || used.contains(id) || picks.containsKey(t)) {
                continue;
            }
            picks.put(t, id);
            used.add(id);
            added++;
        }
        List<Pick> out = new ArrayList<>();
        picks.forEach((k, id) -> out.add(new Pick(k, id)));
        return out;
    }

    private static Integer first(Map<String, Integer> byText, String a, String b) {
        Integer id = byText.get(a);
        return id != null ? id : byText.get(b);
    }
}
