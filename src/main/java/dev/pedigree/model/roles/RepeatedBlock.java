package dev.pedigree.model.roles;

import dev.pedigree.error.MessageText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The transformer's repeated block as seen in tensor names alone: a dotted path with a numeric
 * segment ({@code backbone.blocks.N}) whose numbers run 0..L-1 with the same set of names after the
 * number in every layer. When several numbered paths exist (a vision tower beside the text blocks),
 * the one holding the most tensors is taken.
 *
 * @param path   the names' part before the number, with its trailing dot ({@code backbone.blocks.})
 * @param layers L
 */
record RepeatedBlock(String path, int layers, Set<String> suffixes) {
    /** A tensor name inside the block: its layer and the part after the number. */
    record Position(int layer, String suffix) {
    }

    /** The block, or an {@link InferenceRefused} saying why the names show none. */
    static RepeatedBlock find(List<String> names) {
        Map<String, Map<Integer, Set<String>>> byPath = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String name : names) {
            String[] parts = name.split("\\.", -1);
            for (int i = 0; i < parts.length - 1; i++) {
                if (!isLayerNumber(parts[i])) {
                    continue;
                }
                String path = String.join(".", List.of(parts).subList(0, i)) + (i == 0 ? "" : ".");
                String suffix = String.join(".", List.of(parts).subList(i + 1, parts.length));
                byPath.computeIfAbsent(path, k -> new TreeMap<>()).computeIfAbsent(Integer.parseInt(parts[i]), k -> new TreeSet<>()).add(suffix);
                counts.merge(path, 1, Integer::sum);
            }
        }
        String best = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (byPath.get(e.getKey()).size() >= 2 && (best == null || e.getValue() > counts.get(best))) {
                best = e.getKey();
            }
        }
        if (best == null) {
            throw new InferenceRefused("the tensor names show no repeated numbered block (a path like blocks.N.* with N = 0, 1, ...)");
        }
        Map<Integer, Set<String>> layers = byPath.get(best);
        int count = layers.size();
        for (int i = 0; i < count; i++) {
            if (!layers.containsKey(i)) {
                throw new InferenceRefused("the block numbers under " + MessageText.quoted(best + "N") + " do not run 0.." + (count - 1)
                        + " (" + layers.keySet() + ")");
            }
        }
        Set<String> first = layers.get(0);
        for (Map.Entry<Integer, Set<String>> e : layers.entrySet()) {
            if (!e.getValue().equals(first)) {
                List<String> differ = new ArrayList<>(e.getValue());
                differ.removeAll(first);
                List<String> missing = new ArrayList<>(first);
                missing.removeAll(e.getValue());
                throw new InferenceRefused("layer " + e.getKey() + " of " + MessageText.quoted(best + "N") + " does not have the tensor names of layer 0"
                        + (missing.isEmpty() ? "" : " (lacks " + MessageText.oneLine(String.join(", ", missing)) + ")")
                        + (differ.isEmpty() ? "" : " (adds " + MessageText.oneLine(String.join(", ", differ)) + ")"));
            }
        }
        return new RepeatedBlock(best, count, Set.copyOf(first));
    }

    /** Where a name sits in the block, or null outside it. */
    Position position(String name) {
        if (!name.startsWith(path)) {
            return null;
        }
        int dot = name.indexOf('.', path.length());
        if (dot < 0 || !isLayerNumber(name.substring(path.length(), dot))) {
            return null;
        }
        int layer = Integer.parseInt(name.substring(path.length(), dot));
        String suffix = name.substring(dot + 1);
        return layer < layers && suffixes.contains(suffix) ? new Position(layer, suffix) : null;
    }

    /** Plain decimal digits, at most 6 of them, no leading zero (so {@code 01} is not layer 1). */
    private static boolean isLayerNumber(String s) {
        if (s.isEmpty() || s.length() > 6 || (s.length() > 1 && s.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
