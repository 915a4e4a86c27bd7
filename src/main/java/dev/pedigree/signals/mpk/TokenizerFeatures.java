package dev.pedigree.signals.mpk;

import dev.pedigree.signals.Statistics;
import dev.pedigree.tokenizer.AddedToken;
import dev.pedigree.tokenizer.Vocabulary;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * MPK's tokenizer feature vector (TFV) of one vocabulary. The class name is the one
 * {@code tokenizer_config.json} declares (without {@code Fast}), else the subword model's name.
 */
public record TokenizerFeatures(
        int vocabSize,
        String tokenizerClass,
        Integer bosTokenId,
        Integer eosTokenId,
        Integer padTokenId,
        Integer unkTokenId,
        Integer maskTokenId,
        int numMerges,
        String mergeRuleHash,
        String allMerges,
        double pctSingleChar,
        double avgTokenLength,
        double pctWhitespacePrefix,
        double pctByteTokens,
        Map<String, Double> scriptDistribution,
        int numAddedTokens) {

    private static final Pattern BYTE_TOKEN = Pattern.compile("^<0x[0-9A-Fa-f]{2}>$");

    public static TokenizerFeatures of(Vocabulary v) {
        List<String> tokens = v.strings();
        int n = tokens.size();
        long single = 0;
        long lengthSum = 0;
        long whitespace = 0;
        long bytes = 0;
        for (String t : tokens) {
            int len = t.codePointCount(0, t.length());
            single += len == 1 ? 1 : 0;
            lengthSum += len;
            if (!t.isEmpty()) {
                char c = t.charAt(0);
                whitespace += c == '\u2581' || c == '\u0120' || c == ' ' ? 1 : 0;
            }
            bytes += BYTE_TOKEN.matcher(t).matches() ? 1 : 0;
        }
        List<String> merges = v.merges();
        String first50 = String.join("\n", merges.subList(0, Math.min(50, merges.size())));
        String cls = v.special().tokenizerClass() != null ? v.special().tokenizerClass() : v.kind().name();
        return new TokenizerFeatures(n, cls, v.special().bos(), v.special().eos(), v.special().pad(),
                v.special().unk(), v.special().mask(), merges.size(), MfiHashes.sha256(first50), String.join("\n", merges),
                n == 0 ? 0 : Statistics.round4((double) single / n), n == 0 ? 0 : Statistics.round2((double) lengthSum / n),
                n == 0 ? 0 : Statistics.round4((double) whitespace / n), n == 0 ? 0 : Statistics.round4((double) bytes / n),
                ScriptDistribution.of(tokens), (int) v.added().stream().map(AddedToken::content).distinct().count());
    }
}
