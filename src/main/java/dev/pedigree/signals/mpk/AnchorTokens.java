package dev.pedigree.signals.mpk;

import dev.pedigree.tokenizer.TextEncoder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MPK's 64 EAS anchor ids: 16 digits and punctuation marks, then common words of each script making
 * up at least 5% of the vocabulary's letters (in proportion, at least two each), each encoded with
 * the model's tokenizer and kept by its first id; then ids drawn by numpy's legacy
 * {@code RandomState(42).choice(unused ids below min(V, 50000), replace=False)}.
 */
public final class AnchorTokens {
    public static final int K = 64;
    private static final double SCRIPT_THRESHOLD = 0.05;
    private static final long SEED = 42;
    private static final List<String> PUNCT = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", ".", ",", "!", "?", ":", ";");
    private static final Map<String, List<String>> WORDS = Map.of(
            "Latin", List.of("the", "of", "and", "to", "in", "is", "that", "for", "it", "was", "on", "are", "with", "as", "be",
                    "at", "ing", "tion", "er", "al", "ed", "es", "re", "en"),
            "CJK", List.of("\u7684", "\u4e00", "\u662f", "\u4e0d", "\u4eba", "\u6211", "\u5728", "\u6709", "\u4e86", "\u8fd9",
                    "\u4e2d", "\u5927"),
            "Cyrillic", List.of("\u0438", "\u0432", "\u043d\u0435", "\u043d\u0430", "\u044f", "\u0447\u0442\u043e", "\u043e\u043d",
                    "\u043a"),
            "Arabic", List.of("\u0645\u0646", "\u0641\u064a", "\u0639\u0644\u0649", "\u0623\u0646", "\u0647\u0630\u0627",
                    "\u0627\u0644\u0644\u0647", "\u0625\u0644\u0649", "\u0644\u0627"),
            "Devanagari", List.of("\u0915\u0947", "\u0939\u0948", "\u0915\u093e", "\u0915\u0940", "\u092f\u0939", "\u0938\u0947",
                    "\u0915\u094b", "\u092a\u0930"));

    private AnchorTokens() {
    }

    /**
     * @param encoder   the model's tokenizer, or null (then only the random back-fill is used)
     * @param vocab     the vocabulary's token strings, for the script shares (null: Latin only)
     * @param vocabSize embedding rows
     */
    public static int[] select(TextEncoder encoder, List<String> vocab, int vocabSize) {
        List<Integer> ids = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        encode(PUNCT, encoder, vocabSize, ids, seen);
        Map<String, Double> active = new LinkedHashMap<>();
        if (vocab != null) {
            for (Map.Entry<String, Double> e : ScriptDistribution.of(vocab).entrySet()) {
                if (e.getValue() >= SCRIPT_THRESHOLD && WORDS.containsKey(e.getKey())) {
                    active.put(e.getKey(), e.getValue());
                }
            }
        }
        if (active.isEmpty()) {
            active.put("Latin", 1.0);
        }
        int budget = K - ids.size();
        double totalPct = active.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Integer> allocation = new LinkedHashMap<>();
        int allocated = 0;
        for (Map.Entry<String, Double> e : active.entrySet()) {
            int n = Math.max(2, (int) Math.rint(budget * e.getValue() / totalPct));
            allocation.put(e.getKey(), n);
            allocated += n;
        }
        int diff = allocated - budget;
        if (diff != 0) {
            String largest = null;
            for (Map.Entry<String, Integer> e : allocation.entrySet()) {
                if (largest == null || e.getValue() > allocation.get(largest)) {
                    largest = e.getKey();
                }
            }
            allocation.put(largest, Math.max(2, allocation.get(largest) - diff));
        }
        List<Map.Entry<String, Double>> byShare = new ArrayList<>(active.entrySet());
        byShare.sort((x, y) -> Double.compare(y.getValue(), x.getValue()));
        for (Map.Entry<String, Double> e : byShare) {
            List<String> words = WORDS.get(e.getKey());
            encode(words.subList(0, Math.min(words.size(), allocation.get(e.getKey()))), encoder, vocabSize, ids, seen);
        }
        int remaining = K - ids.size();
        if (remaining > 0) {
            int limit = Math.min(vocabSize, 50_000);
            int[] pool = new int[limit];
            int p = 0;
            for (int i = 0; i < limit; i++) {
                if (!seen.contains(i)) {
                    pool[p++] = i;
                }
            }
            if (p > 0) {
                int[] drawn = new NumpyLegacyRandom(SEED).choiceWithoutReplacement(java.util.Arrays.copyOf(pool, p), Math.min(remaining, p));
                for (int d : drawn) {
                    ids.add(d);
                }
            }
        }
        return ids.stream().limit(K).mapToInt(Integer::intValue).toArray();
    }

    private static void encode(List<String> words, TextEncoder encoder, int vocabSize, List<Integer> ids, Set<Integer> seen) {
        if (encoder == null) {
            return;
        }
        for (String w : words) {
            long[] enc = encoder.encode(w);
            if (enc.length > 0) {
                long id = enc[0];
                if (id >= 0 && id < vocabSize && seen.add((int) id)) {
                    ids.add((int) id);
                }
            }
        }
    }
}
