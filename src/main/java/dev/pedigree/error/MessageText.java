package dev.pedigree.error;

/**
 * Puts text taken from an input file (tensor names, JSON values, parser messages) into a
 * {@link BadInputException} message, which the command line prints as one line: control characters
 * (newlines included) are escaped and long text is cut.
 */
public final class MessageText {
    private static final int MAX_CHARS = 200;

    private MessageText() {
    }

    /** The text in single quotes, made printable: {@code 'model.layers.0.q_proj.weight'}. */
    public static String quoted(String text) {
        return "'" + oneLine(text) + "'";
    }

    /** At most 200 characters, control characters written as {@code \\uXXXX}; null becomes empty. */
    public static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        int limit = Math.min(text.length(), MAX_CHARS);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return text.length() > limit ? b.append("...").toString() : b.toString();
    }
}
