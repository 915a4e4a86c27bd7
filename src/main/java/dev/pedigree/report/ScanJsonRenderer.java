package dev.pedigree.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pedigree.fingerprint.ModelIdentity;
import dev.pedigree.fingerprint.ScanMatch;
import dev.pedigree.fingerprint.ScanResult;
import java.util.List;

/**
 * A {@link ScanResult} as JSON: {@code query}, {@code identical[]}, {@code matches[] {model, family,
 * key, source, match_type, verdict, score, p_value, sketch_similarity, mpk {…}, evidence[]}},
 * {@code nearest[]} (same fields, {@code match_type} null), {@code entries}, {@code shortlisted},
 * {@code permutations}, {@code seed}, {@code rule}, {@code warnings[]}, {@code timing} (ms). NaN is written as null.
 */
public final class ScanJsonRenderer {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ScanJsonRenderer() {
    }

    public static String render(ScanResult r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("query", identity(r.query()));
        ArrayNode identical = root.putArray("identical");
        r.identical().forEach(m -> identical.add(identity(m)));
        root.set("matches", matches(r.matches()));
        root.set("nearest", matches(r.nearest()));
        root.put("entries", r.entries());
        root.put("shortlisted", r.shortlisted());
        root.put("permutations", r.permutations());
        root.put("seed", r.seed());
        root.put("rule", r.rule());
        ArrayNode w = root.putArray("warnings");
        r.warnings().forEach(w::add);
        ObjectNode timing = root.putObject("timing");
        r.timing().forEach(timing::put);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scan report could not be written as JSON", e);
        }
    }

    private static ArrayNode matches(List<ScanMatch> list) {
        ArrayNode out = MAPPER.createArrayNode();
        for (ScanMatch m : list) {
            ObjectNode o = out.addObject();
            o.put("model", m.model().name());
            o.put("family", m.model().family());
            o.put("key", m.model().key());
            o.put("source", m.model().source());
            o.put("match_type", m.matchType());
            o.put("verdict", m.verdict());
            number(o, "score", m.score());
            number(o, "p_value", m.pValue());
            number(o, "sketch_similarity", m.sketchSimilarity());
            ObjectNode mpk = o.putObject("mpk");
            mpk.put("mfi_tier", m.mpk().mfiTier());
            number(mpk, "mfi_score", m.mpk().mfiScore());
            number(mpk, "eas", m.mpk().eas());
            number(mpk, "nlf", m.mpk().nlf());
            number(mpk, "lep", m.mpk().lep());
            number(mpk, "end", m.mpk().end());
            number(mpk, "identity_score", m.mpk().identityScore());
            mpk.put("label", m.mpk().label());
            ArrayNode ev = o.putArray("evidence");
            m.evidence().forEach(ev::add);
        }
        return out;
    }

    private static ObjectNode identity(ModelIdentity m) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("model", m.name());
        o.put("family", m.family());
        o.put("key", m.key());
        o.put("digest", m.digest());
        o.put("source", m.source());
        o.put("kind", m.kind());
        return o;
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isNaN(v)) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }
}
