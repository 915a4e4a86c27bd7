package dev.pedigree.model.lineage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the lineage keys of a model card's YAML front matter (the block between a first line
 * {@code ---} and the next {@code ---} or {@code ...}). Only top-level keys whose value is a scalar, a
 * flow list ({@code [a, "b"]}, possibly over several lines) or a block list ({@code - a}) are read,
 * which is every form the Hugging Face hub writes for {@code base_model}; nested maps are skipped.
 * A hand parser instead of a YAML library: a model card is untrusted input, and a full YAML parser
 * (tags, anchors, aliases) is more attack surface than two keys need.
 */
public final class ModelCard {
    /** The origin recorded on claims read from a model card. */
    public static final String ORIGIN = "README.md front matter";

    private ModelCard() {
    }

    /** Top-level keys of the front matter to their values (a scalar is a one-element list); empty when none. */
    public static Map<String, List<String>> frontMatter(String card) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String text = card.startsWith("\uFEFF") ? card.substring(1) : card;
        String[] lines = text.split("\\r?\\n|\\r", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            return out;
        }
        int end = -1;
        for (int i = 1; i < lines.length; i++) {
            String l = stripTrailing(lines[i]);
            if (l.equals("---") || l.equals("...")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return out;
        }
        int i = 1;
        while (i < end) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#") || Character.isWhitespace(line.charAt(0)) || line.startsWith("-")) {
                i++;
                continue;
            }
            int colon = keyColon(line);
            if (colon < 0) {
                i++;
                continue;
            }
            String key = unquote(line.substring(0, colon).strip());
            String rest = withoutComment(line.substring(colon + 1)).strip();
            i++;
            List<String> values = new ArrayList<>();
            if (rest.startsWith("[")) {
                StringBuilder flow = new StringBuilder(rest);
                while (!closesFlow(flow) && i < end) {
                    flow.append(' ').append(withoutComment(lines[i]).strip());
                    i++;
                }
                values.addAll(flowItems(flow.toString()));
            } else if (!rest.isEmpty() && !rest.equals("|") && !rest.equals(">")) {
                addScalar(values, rest);
            } else {
                while (i < end && (lines[i].isBlank() || Character.isWhitespace(lines[i].charAt(0)) || lines[i].startsWith("-"))) {
                    String item = withoutComment(lines[i]).strip();
                    if ((item.startsWith("- ") || item.equals("-")) && keyColon(item.substring(1)) < 0) {
                        addScalar(values, item.substring(1).strip());
                    } else if (!item.isEmpty() && values.isEmpty() && keyColon(item) < 0) {
                        addScalar(values, item);
                    }
                    i++;
                }
            }
            out.put(key, values);
        }
        return out;
    }

    /** The lineage claims of a model card: {@code base_model} entries and {@code base_model_relation}. */
    public static List<LineageClaim> claims(String card) {
        Map<String, List<String>> fm = frontMatter(card);
        List<LineageClaim> claims = new ArrayList<>();
        for (String base : fm.getOrDefault(DeclaredLineage.BASE_MODEL, List.of())) {
            claims.add(new LineageClaim(DeclaredLineage.BASE_MODEL, base, ORIGIN));
        }
        for (String relation : fm.getOrDefault(DeclaredLineage.RELATION, List.of())) {
            claims.add(new LineageClaim(DeclaredLineage.RELATION, relation, ORIGIN));
        }
        return claims;
    }

    private static int keyColon(String line) {
        char q = 0;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (q != 0) {
                if (c == q) {
                    q = 0;
                }
            } else if (c == '"' || c == '\'') {
                q = c;
            } else if (c == ':' && (k + 1 == line.length() || Character.isWhitespace(line.charAt(k + 1)))) {
                return k;
            }
        }
        return -1;
    }

    private static boolean closesFlow(CharSequence s) {
        return s.toString().strip().endsWith("]");
    }

    private static List<String> flowItems(String flow) {
        String inner = flow.strip();
        inner = inner.substring(1, inner.endsWith("]") ? inner.length() - 1 : inner.length());
        List<String> items = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char q = 0;
        for (int k = 0; k < inner.length(); k++) {
            char c = inner.charAt(k);
            if (q != 0) {
                if (c == q) {
                    q = 0;
                }
                cur.append(c);
            } else if (c == '"' || c == '\'') {
                q = c;
                cur.append(c);
            } else if (c == ',') {
                addScalar(items, cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        addScalar(items, cur.toString().strip());
        return items;
    }

    private static void addScalar(List<String> values, String raw) {
        String v = unquote(raw.strip());
        if (!v.isEmpty() && !v.equals("~") && !v.equalsIgnoreCase("null")) {
            values.add(v);
        }
    }

    private static String withoutComment(String s) {
        char q = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (q != 0) {
                if (c == q) {
                    q = 0;
                }
            } else if (c == '"' || c == '\'') {
                q = c;
            } else if (c == '#' && (k == 0 || Character.isWhitespace(s.charAt(k - 1)))) {
                return s.substring(0, k);
            }
        }
        return s;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) {
            return s.substring(1, s.length() - 1).replace("''", "'");
        }
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return s;
    }

    private static String stripTrailing(String s) {
        return s.stripTrailing();
    }
}
