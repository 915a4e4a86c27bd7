package dev.pedigree.report;

/** Escaping for text placed in HTML and SVG (element content and quoted attribute values). */
final class Html {
    private Html() {
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code s} cut to {@code max} characters with an ellipsis in the middle, so both ends stay readable. */
    static String shorten(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int head = (max - 1) / 2;
        int tail = max - 1 - head;
        return s.substring(0, head) + "…" + s.substring(s.length() - tail);
    }
}
