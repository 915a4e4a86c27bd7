package dev.pedigree.fingerprint;

import dev.pedigree.bench.SyntheticTransformer;
import dev.pedigree.tokenizer.SpecialTokens;
import dev.pedigree.tokenizer.TokenizerKind;
import dev.pedigree.tokenizer.Vocabulary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fingerprints of synthetic BERT-shaped models ({@link SyntheticTransformer}) with a WordPiece
 * vocabulary holding the canonical strings, so tests can build bases, noisy fine-tunes, permuted
 * copies and independent runs with known lineage.
 */
final class SyntheticModels {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    private SyntheticModels() {
    }

    static Vocabulary vocabulary(int size) {
        List<String> tokens = new ArrayList<>();
        tokens.add("[PAD]");
        for (String s : CanonicalTokens.FIXED) {
            tokens.add(s);
        }
        for (int i = 0; tokens.size() < size; i++) {
            tokens.add("w" + i);
        }
        return new Vocabulary(TokenizerKind.WORDPIECE, tokens.toArray(String[]::new), List.of(), List.of(), "##", false, false,
                SpecialTokens.NONE, "synthetic-tokenizer-" + size);
    }

    static Map<String, Object> config(SyntheticTransformer t) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("model_type", "bert");
        c.put("architectures", List.of("BertModel"));
        c.put("hidden_size", t.hidden);
        c.put("num_hidden_layers", t.layers);
        c.put("num_attention_heads", t.heads);
        c.put("intermediate_size", t.ffn);
        c.put("vocab_size", t.vocab);
        c.put("max_position_embeddings", 512);
        c.put("layer_norm_eps", 1e-12);
        c.put("hidden_act", "gelu");
        return c;
    }

    static Fingerprint fingerprint(SyntheticTransformer t, String name) {
        ModelParts parts = new ModelParts(t.store(), vocabulary(t.vocab), null, config(t), Sha256.hex("synthetic:" + name), "safetensors");
        return new FingerprintExtractor("test", CLOCK).extract(parts, "synthetic:" + name, name, null,
                new PrintWriter(new StringWriter()));
    }
}
