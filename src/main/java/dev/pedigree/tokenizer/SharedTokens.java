package dev.pedigree.tokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Token pairs with the same normalised text ({@link TokenText}) in two vocabularies, restricted to ids
 * that have an embedding row on each side. Each id is used at most once, lowest id first.
 *
 * @param idsA ids in vocabulary A
 * @param idsB the ids in vocabulary B with the same text, position by position
 */
public record SharedTokens(int[] idsA, int[] idsB) {

    public static SharedTokens align(Vocabulary a, int rowsA, Vocabulary b, int rowsB) {
        Map<String, Integer> inB = new HashMap<>();
        for (int id = 0; id < Math.min(b.size(), rowsB); id++) {
            String text = TokenText.of(b, id);
            if (text != null) {
                inB.putIfAbsent(text, id);
            }
        }
        List<int[]> pairs = new ArrayList<>();
        for (int id = 0; id < Math.min(a.size(), rowsA); id++) {
            String text = TokenText.of(a, id);
            Integer other = text == null ? null : inB.remove(text);
            if (other != null) {
                pairs.add(new int[] {id, other});
            }
        }
        int[] ia = new int[pairs.size()];
        int[] ib = new int[pairs.size()];
        for (int i = 0; i < ia.length; i++) {
            ia[i] = pairs.get(i)[0];
            ib[i] = pairs.get(i)[1];
        }
        return new SharedTokens(ia, ib);
    }

    /** Pairs of identical ids, for models without vocabularies whose embedding rows correspond by id. */
    public static SharedTokens byId(int rows) {
        int[] ids = new int[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = i;
        }
        return new SharedTokens(ids, ids.clone());
    }

    public int count() {
        return idsA.length;
    }
}
