package dev.pedigree.signals.mpk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.testing.EncoderFixtures;
import dev.pedigree.testing.SharedReference;
import dev.pedigree.tokenizer.HuggingFaceEncoder;
import dev.pedigree.tokenizer.SpecialTokens;
import dev.pedigree.tokenizer.TokenizerJsonReader;
import dev.pedigree.tokenizer.Vocabulary;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MpkMetadataTokenizerTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> catalogue(String file, String section) throws IOException {
        Map<String, Object> entry = new ObjectMapper().readValue(SharedReference.cisco()
                .resolve("database/features/base/by-family/googlebert--bert/" + file).toFile(), Map.class);
        return (Map<String, Object>) entry.get(section);
    }

    private static Map<String, Object> bertBaseConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("architectures", List.of("BertForMaskedLM"));
        c.put("hidden_act", "gelu");
        c.put("hidden_size", 768);
        c.put("intermediate_size", 3072);
        c.put("layer_norm_eps", 1e-12);
        c.put("max_position_embeddings", 512);
        c.put("model_type", "bert");
        c.put("num_attention_heads", 12);
        c.put("num_hidden_layers", 12);
        c.put("position_embedding_type", "absolute");
        c.put("vocab_size", 30522);
        c.put("tie_word_embeddings", true);
        return c;
    }

    @Test
    void fingerprintOfBertBaseConfigReproducesTheCatalogueHashes() throws IOException {
        Map<String, Object> stored = catalogue("bert-base-uncased__hf-safetensors_features.json", "mfi");
        Map<String, Object> fp = MetadataFingerprint.of(bertBaseConfig(), SpecialTokens.NONE, (String) stored.get("tokenizer_hash"));
        for (String k : List.of("attention_style", "norm_type", "pos_encoding", "qk_norm", "gqa_ratio", "intermediate_size", "arch_hash",
                "family_hash")) {
            assertEquals(stored.get(k), fp.get(k), k);
        }
    }

    @Test
    void mfiTiersAndSoftScore() {
        Map<String, Object> base = MetadataFingerprint.of(bertBaseConfig(), SpecialTokens.NONE, "t");
        assertEquals(new MfiSimilarity(1, 1.0), MfiSimilarity.of(base, base));
        Map<String, Object> vocab = bertBaseConfig();
        vocab.put("vocab_size", 21128);
        assertEquals(new MfiSimilarity(2, 0.9), MfiSimilarity.of(base, MetadataFingerprint.of(vocab, SpecialTokens.NONE, "t")));
        Map<String, Object> large = bertBaseConfig();
        large.put("hidden_size", 1024);
        large.put("num_hidden_layers", 24);
        // Earned 2 + 1.5 (qk) + 1.5 (vocab) + 1.5 (style) + 1.2 (no rope) + 0.5 + 0.4 + 0.4 + 0.1 = 9.1 of 12.4.
        assertEquals(new MfiSimilarity(3, 0.7339), MfiSimilarity.of(base, MetadataFingerprint.of(large, SpecialTokens.NONE, "t")));
    }

    @Test
    void tokenizerFeaturesOfBertUncasedMatchTheCatalogue() throws IOException {
        Map<String, Object> stored = catalogue("bert-base-uncased__hf-safetensors_features.json", "tfv");
        TokenizerFeatures f = TokenizerFeatures.of(TokenizerJsonReader.read(EncoderFixtures.tokenizer("all-minilm-l6-v2")));
        assertEquals(stored.get("vocab_size"), f.vocabSize());
        assertEquals(((Number) stored.get("pct_single_char")).doubleValue(), f.pctSingleChar());
        assertEquals(((Number) stored.get("avg_token_length")).doubleValue(), f.avgTokenLength());
        assertEquals(((Number) stored.get("pct_whitespace_prefix")).doubleValue(), f.pctWhitespacePrefix());
        assertEquals(((Number) stored.get("pct_byte_tokens")).doubleValue(), f.pctByteTokens());
        assertEquals(stored.get("merge_rule_hash"), f.mergeRuleHash());
        assertEquals(stored.get("script_distribution"), f.scriptDistribution());
        // Same tokenizer: every part full except the two merge parts that score 0.5 / 0.05 when neither has merges.
        assertEquals(0.925, TfvSimilarity.of(f, f), 1e-12);
    }

    @Test
    void vocabularyOverlapIsJaccard() {
        VocabularyOverlap o = VocabularyOverlap.of(List.of("a", "b", "c", "c"), List.of("b", "c", "d", "e"));
        assertEquals(new VocabularyOverlap(0.4, 2, 5), o);
    }

    /**
     * Expected ids from MPK's own anchors.py with the Hugging Face tokenizers library:
     * {@code python anchors_ref.py all-minilm-l6-v2-tokenizer.json 30522} (see experiments/compare/anchors_reference.py).
     */
    @Test
    void anchorsEqualMpksWithAndWithoutTokenizer() {
        Vocabulary v = TokenizerJsonReader.read(EncoderFixtures.tokenizer("all-minilm-l6-v2"));
        int[] withTokenizer = {1014, 1015, 1016, 1017, 1018, 1019, 1020, 1021, 1022, 1023, 1012, 1010, 999, 1029, 1024, 1025, 1996, 1997,
            1998, 2000, 1999, 2003, 2008, 2005, 2009, 2001, 2006, 2024, 2007, 2004, 2022, 2012, 13749, 14841, 9413, 2632, 3968, 9686, 2128,
            4372, 13681, 23696, 15304, 21698, 28546, 9506, 6725, 7768, 28735, 25831, 7578, 25871, 26364, 10713, 15792, 14762, 21217, 19889,
            14168, 9197, 24654, 22598, 13208, 5237};
        try (HuggingFaceEncoder enc = HuggingFaceEncoder.open(EncoderFixtures.tokenizer("all-minilm-l6-v2"))) {
            assertArrayEquals(withTokenizer, AnchorTokens.select(enc, v.strings(), 30522));
        }
        int[] without = AnchorTokens.select(null, v.strings(), 30522);
        assertArrayEquals(new int[] {12408, 8374, 10624, 12514, 8139}, java.util.Arrays.copyOf(without, 5));
        assertEquals(20424, without[63]);
    }
}
