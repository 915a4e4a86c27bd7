package dev.pedigree.fingerprint;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.compare.Calibration;
import dev.pedigree.error.BadInputException;
import dev.pedigree.model.Role;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.TensorStore;
import dev.pedigree.model.open.Model;
import dev.pedigree.signals.MatchAgreementTest;
import dev.pedigree.signals.UnitMatching;
import dev.pedigree.signals.mpk.AnchorTokens;
import dev.pedigree.signals.mpk.IdentityScore;
import dev.pedigree.signals.mpk.MetadataFingerprint;
import dev.pedigree.signals.mpk.MfiSimilarity;
import dev.pedigree.signals.mpk.MpkWeightFeatures;
import dev.pedigree.signals.mpk.MpkWeightSimilarity;
import dev.pedigree.signals.mpk.TokenizerFeatures;
import dev.pedigree.tokenizer.GgufVocabularyReader;
import dev.pedigree.tokenizer.HuggingFaceEncoder;
import dev.pedigree.tokenizer.SpecialTokens;
import dev.pedigree.tokenizer.TokenText;
import dev.pedigree.tokenizer.TokenizerJsonReader;
import dev.pedigree.tokenizer.Vocabulary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one place the fingerprint code calls into the weight-signal code ({@code tokenizer},
 * {@code signals}, {@code signals.mpk}, {@code compare}), so a change there touches only this file.
 */
final class CompareSignals {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CompareSignals() {
    }

    /** The model's vocabulary: its tokenizer.json, else one embedded in GGUF metadata; null without either. */
    static Vocabulary vocabulary(Model m) {
        if (m.tokenizer() != null) {
            return TokenizerJsonReader.read(m.tokenizer());
        }
        return GgufVocabularyReader.read(m.store().container().metadata()).orElse(null);
    }

    /** config.json as parsed, else the architecture's declared facts in config.json's names. */
    static Map<String, Object> config(Model m) {
        Path config = m.source().configJson();
        if (config != null) {
            try {
                return JSON.readValue(config.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {
                });
            } catch (IOException e) {
                throw new BadInputException(config + ": not valid JSON: " + e.getMessage());
            }
        }
        return MetadataFingerprint.configOf(m.architecture());
    }

    /** MPK's MFI fields and hashes; empty when there is no configuration at all. */
    static Map<String, Object> mfi(Map<String, Object> config, Vocabulary v) {
        if (config.isEmpty()) {
            return Map.of();
        }
        return MetadataFingerprint.of(config, v == null ? SpecialTokens.NONE : v.special(), v == null ? null : v.sourceSha256());
    }

    static String tokenizerHash(Vocabulary v) {
        return v.sourceSha256();
    }

    /** MPK's TFV features under MPK's field names, the full merge list replaced by its SHA-256. */
    static Map<String, Object> tfv(Vocabulary v) {
        TokenizerFeatures f = TokenizerFeatures.of(v);
        Map<String, Object> out = new TreeMap<>();
        out.put("vocab_size", f.vocabSize());
        out.put("tokenizer_class", f.tokenizerClass());
        out.put("bos_token_id", f.bosTokenId());
        out.put("eos_token_id", f.eosTokenId());
        out.put("pad_token_id", f.padTokenId());
        out.put("unk_token_id", f.unkTokenId());
        out.put("mask_token_id", f.maskTokenId());
        out.put("num_merges", f.numMerges());
        out.put("merge_rule_hash", f.mergeRuleHash());
        out.put("all_merges_sha256", Sha256.hex(f.allMerges()));
        out.put("pct_single_char", f.pctSingleChar());
        out.put("avg_token_length", f.avgTokenLength());
        out.put("pct_whitespace_prefix", f.pctWhitespacePrefix());
        out.put("pct_byte_tokens", f.pctByteTokens());
        out.put("script_distribution", new TreeMap<>(f.scriptDistribution()));
        out.put("num_added_tokens", f.numAddedTokens());
        return out;
    }

    /** Token {@code id}'s text with word-boundary markers written one way for every tokenizer kind. */
    static String tokenText(Vocabulary v, int id) {
        return TokenText.of(v, id);
    }

    static String wordStart() {
        return TokenText.WORD_START;
    }

    static boolean isSpecial(Vocabulary v, int id) {
        return v.isSpecial(id);
    }

    /** MPK's weight features of a model (anchors chosen as MPK does, by its tokenizer when there is one). */
    static MpkWeightFeatures mpkFeatures(TensorStore store, Vocabulary v, Path tokenizerJson, PrintWriter err) {
        Optional<TensorInfo> emb = store.find(Role.EMBEDDING, -1);
        int[] anchors = new int[0];
        if (emb.isPresent()) {
            int rows = Math.toIntExact(emb.get().rows());
            List<String> vocab = v == null ? null : v.strings();
            anchors = AnchorTokens.select(null, vocab, rows);
            if (tokenizerJson != null) {
                try (HuggingFaceEncoder enc = HuggingFaceEncoder.open(tokenizerJson)) {
                    anchors = AnchorTokens.select(enc, vocab, rows);
                } catch (RuntimeException e) {
                    err.println("pedigree: EAS anchors chosen without the tokenizer: " + e.getMessage());
                }
            }
        }
        return MpkWeightFeatures.extract(store, anchors);
    }

    /** MPK's weight features rebuilt from what a fingerprint keeps (no WVC samples). */
    static MpkWeightFeatures mpkFeatures(double[][] easSelfSim, double[] endHistogram, double[] nlf, String nlfMode, int nlfCount,
            double[] lep) {
        return new MpkWeightFeatures(easSelfSim, endHistogram, nlf, nlfMode, nlfCount, lep, Map.of());
    }

    /** MPK's EAS, NLF, LEP, END and identity score (WVC not available from fingerprints). */
    static double[] mpkSimilarities(MpkWeightFeatures a, MpkWeightFeatures b) {
        double eas = MpkWeightSimilarity.eas(a, b);
        double nlf = MpkWeightSimilarity.nlf(a, b);
        double lep = MpkWeightSimilarity.lep(a, b);
        double end = MpkWeightSimilarity.end(a, b);
        return new double[] {eas, nlf, lep, end, IdentityScore.of(eas, nlf, lep, end, Double.NaN)};
    }

    /** MPK's MFI tier and score; null when either side has no MFI fields. */
    static MfiSimilarity mfiSimilarity(Map<String, Object> a, Map<String, Object> b) {
        if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
            return null;
        }
        return MfiSimilarity.of(a, b);
    }

    static String mpkLabel(MfiSimilarity mfi, double identity) {
        return IdentityScore.label(mfi == null ? new MfiSimilarity(3, Double.NaN) : mfi, identity);
    }

    /** One-to-one unit matching maximising summed similarity ({@code sim} row-major nA × nB). */
    static int[] matchUnits(float[] sim, int nA, int nB) {
        return UnitMatching.match(sim, nA, nB);
    }

    static MatchAgreementTest.Result agreementTest(int[] inMatch, int[] outMatch, int unitsB, int permutations, long seed) {
        return MatchAgreementTest.test(inMatch, outMatch, unitsB, permutations, seed);
    }

    static Calibration calibration() {
        return Calibration.load();
    }

    static boolean agrees(Calibration c, int agreeing, int compared) {
        return agreeing >= c.minAgreeingUnits() && agreeing >= c.minAgreeingShare() * compared;
    }
}
