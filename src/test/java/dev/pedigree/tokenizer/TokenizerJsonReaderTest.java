package dev.pedigree.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.testing.EncoderFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizerJsonReaderTest {

    @Test
    void readsBertWordPieceVocabulary() {
        Vocabulary v = TokenizerJsonReader.read(EncoderFixtures.tokenizer("all-minilm-l6-v2"));
        assertEquals(TokenizerKind.WORDPIECE, v.kind());
        assertEquals(30522, v.size());
        assertEquals("[PAD]", v.token(0));
        assertEquals("[CLS]", v.token(101));
        assertEquals("the", v.token(1996));
        assertEquals("##s", v.token(2015));
        assertTrue(v.isSpecial(101));
        assertFalse(v.byteLevel());
        assertEquals("##", v.continuingPrefix());
        assertEquals("\u2581the", TokenText.of(v, 1996));
        assertEquals("s", TokenText.of(v, 2015));
        assertEquals("[CLS]", TokenText.of(v, 101));
    }

    @Test
    void readsByteLevelBpeWithMergesAndNormalisesItsText(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("tokenizer.json");
        Files.writeString(f, """
                {"added_tokens":[{"id":5,"content":"<|endoftext|>","special":true}],
                 "pre_tokenizer":{"type":"ByteLevel","add_prefix_space":false},
                 "model":{"type":"BPE","vocab":{"h":0,"e":1,"\u0120the":2,"he":3,"\u00c3\u00a9":4},
                          "merges":["h e",["\u0120t","he"]]}}""");
        Files.writeString(dir.resolve("tokenizer_config.json"), """
                {"tokenizer_class":"GPT2TokenizerFast","bos_token":"<|endoftext|>","eos_token":{"content":"<|endoftext|>"}}""");
        Vocabulary v = TokenizerJsonReader.read(f);
        assertEquals(TokenizerKind.BPE, v.kind());
        assertTrue(v.byteLevel());
        assertEquals(List.of("h e", "\u0120t he"), v.merges());
        assertEquals("\u2581the", TokenText.of(v, 2));
        assertEquals("\u00e9", TokenText.of(v, 4), "bytes C3 A9 are é");
        assertEquals(5, v.special().bos());
        assertEquals(5, v.special().eos());
        assertEquals("GPT2Tokenizer", v.special().tokenizerClass());
    }

    @Test
    void sharedTokensAlignWordPieceWithByteLevelAndSentencePiece(@TempDir Path dir) throws IOException {
        Path wp = dir.resolve("wp.json");
        Files.writeString(wp, """
                {"model":{"type":"WordPiece","continuing_subword_prefix":"##","vocab":{"[UNK]":0,"the":1,"##ing":2,"cat":3}}}""");
        Path bl = dir.resolve("bl.json");
        Files.writeString(bl, """
                {"pre_tokenizer":{"type":"ByteLevel"},"model":{"type":"BPE","vocab":{"ing":0,"\u0120cat":1,"\u0120the":2,"x":3},"merges":[]}}""");
        Path sp = dir.resolve("sp.json");
        Files.writeString(sp, """
                {"pre_tokenizer":{"type":"Metaspace","replacement":"\u2581"},"model":{"type":"Unigram","vocab":[["<unk>",0],["\u2581the",-1],["ing",-2]]}}""");
        Vocabulary a = TokenizerJsonReader.read(wp);
        Vocabulary b = TokenizerJsonReader.read(bl);
        Vocabulary c = TokenizerJsonReader.read(sp);
        SharedTokens ab = SharedTokens.align(a, 4, b, 4);
        assertEquals("[1, 2, 3]", java.util.Arrays.toString(ab.idsA()));
        assertEquals("[2, 0, 1]", java.util.Arrays.toString(ab.idsB()));
        SharedTokens ac = SharedTokens.align(a, 4, c, 3);
        assertEquals("[1, 2]", java.util.Arrays.toString(ac.idsA()));
        assertEquals("[1, 2]", java.util.Arrays.toString(ac.idsB()));
        assertEquals(1, SharedTokens.align(a, 2, b, 4).count(), "ids beyond the embedding rows are not shared");
    }

    @Test
    void readsGgufEmbeddedVocabulary() {
        Map<String, Object> meta = Map.of("tokenizer.ggml.model", "llama",
                "tokenizer.ggml.tokens", List.of("<unk>", "<s>", "</s>", "\u2581the", "ing"),
                "tokenizer.ggml.token_type", List.of(2L, 3L, 3L, 1L, 1L),
                "tokenizer.ggml.merges", List.of("\u2581 t", "h e"),
                "tokenizer.ggml.bos_token_id", 1L, "tokenizer.ggml.eos_token_id", 2L);
        Vocabulary v = GgufVocabularyReader.read(meta).orElseThrow();
        assertEquals(5, v.size());
        assertTrue(v.isSpecial(1));
        assertEquals(1, v.special().bos());
        assertEquals(2, v.special().eos());
        assertEquals("\u2581the", TokenText.of(v, 3));
        assertTrue(GgufVocabularyReader.read(Map.of()).isEmpty());
    }
}
