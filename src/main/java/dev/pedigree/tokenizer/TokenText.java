package dev.pedigree.tokenizer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The text a token stands for, written one way whatever the tokenizer's convention: a token that
 * starts a word begins with {@code ▁}, a word-internal piece does not. WordPiece {@code ##x} becomes
 * {@code x} and a bare WordPiece {@code x} becomes {@code ▁x}; byte-level {@code Ġx} becomes {@code ▁x};
 * SentencePiece text is already in this form. Special tokens are kept verbatim.
 */
public final class TokenText {
    public static final String WORD_START = "\u2581";

    private TokenText() {
    }

    /** The normalised text of token {@code id}, or null for an unused id. */
    public static String of(Vocabulary v, int id) {
        String t = v.token(id);
        if (t == null || v.isSpecial(id)) {
            return t;
        }
        if (v.byteLevel()) {
            return fromByteLevel(t);
        }
        if (v.continuingPrefix() != null && !v.metaspace()) {
            String p = v.continuingPrefix();
            return t.startsWith(p) && t.length() > p.length() ? t.substring(p.length()) : WORD_START + t;
        }
        return t;
    }

    private static String fromByteLevel(String token) {
        byte[] bytes = ByteLevelAlphabet.decode(token);
        if (bytes == null) {
            return token;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // A partial UTF-8 sequence: only another byte-level vocabulary can share it.
            return "<bytes:" + HexFormat.of().formatHex(bytes) + ">";
        }
        return text.startsWith(" ") ? WORD_START + text.substring(1) : text;
    }
}
