package dev.pedigree.tokenizer;

/**
 * GPT-2's byte-level alphabet: each byte is shown as a printable character (printable Latin-1 bytes
 * as themselves, the rest shifted to U+0100 onwards, so a space is {@code Ġ} and a newline {@code Ċ}).
 */
final class ByteLevelAlphabet {
    private static final int[] CHAR_TO_BYTE = new int[512];

    static {
        java.util.Arrays.fill(CHAR_TO_BYTE, -1);
        int shifted = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            int ch = printable ? b : 256 + shifted++;
            CHAR_TO_BYTE[ch] = b;
        }
    }

    private ByteLevelAlphabet() {
    }

    /** The bytes a byte-level token stands for, or null when a character is outside the alphabet. */
    static byte[] decode(String token) {
        byte[] out = new byte[token.length()];
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            int b = c < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[c] : -1;
            if (b < 0) {
                return null;
            }
            out[i] = (byte) b;
        }
        return out;
    }
}
