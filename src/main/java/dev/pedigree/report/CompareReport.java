package dev.pedigree.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pedigree.compare.ComparisonResult;
import dev.pedigree.compare.MpkSignals;
import dev.pedigree.signals.GroupResult;
import java.util.Locale;
import java.util.Map;

/** The {@code compare} report: MPK's numbers in one column, ours beside them, then the evidence. */
public final class CompareReport {
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CompareReport() {
    }

    public static String json(ComparisonResult r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema_version", SCHEMA_VERSION);
        root.putObject("models").put("a", r.labelA()).put("b", r.labelB());
        root.put("verdict", r.verdict().label());
        number(root, "p_value", r.pValue());
        ObjectNode thr = root.putObject("threshold");
        thr.put("related_below", r.calibration().relatedBelow());
        thr.put("group_agrees_with_units", r.calibration().minAgreeingUnits());
        thr.put("group_agrees_with_share", r.calibration().minAgreeingShare());
        number(thr, "false_positive_rate", r.calibration().falsePositiveRate());
        thr.put("unrelated_pairs", r.calibration().unrelatedPairs());
        thr.put("false_positives", r.calibration().falsePositives());
        thr.put("measured_on", r.calibration().measuredOn());
        ObjectNode signals = root.putObject("signals");
        for (Map.Entry<String, Double> e : r.signals().entrySet()) {
            number(signals, e.getKey(), e.getValue());
        }
        ArrayNode evidence = root.putArray("evidence");
        r.evidence().forEach(evidence::add);
        ArrayNode groups = root.putArray("layers");
        for (GroupResult g : r.alignment().groups()) {
            ObjectNode n = groups.addObject();
            n.put("layer_a", g.layerA()).put("layer_b", g.layerB()).put("group", g.group().name().toLowerCase(Locale.ROOT));
            n.put("units_a", g.unitsA()).put("units_b", g.unitsB()).put("matched", g.matchedUnits()).put("compared", g.comparedUnits());
            number(n, "median_cosine", g.medianCosineIn());
            number(n, "median_held_out_cosine", g.medianCosineOut());
            number(n, "p_value", g.pValue());
        }
        MpkSignals m = r.mpk();
        ObjectNode mpk = root.putObject("mpk");
        if (m.mfiTier() == 0) {
            mpk.putNull("mfi_tier");
        } else {
            mpk.put("mfi_tier", m.mfiTier());
        }
        number(mpk, "mfi_score", m.mfiScore());
        number(mpk, "eas", m.eas());
        number(mpk, "nlf", m.nlf());
        number(mpk, "lep", m.lep());
        number(mpk, "end", m.end());
        number(mpk, "wvc", m.wvc());
        number(mpk, "tfv", m.tfv());
        number(mpk, "voa", m.voa());
        number(mpk, "identity_score", m.identityScore());
        mpk.put("label", m.label());
        ObjectNode timing = root.putObject("timing");
        r.timing().forEach((k, v) -> timing.put(k + "_ms", v));
        root.put("seed", r.seed());
        root.put("permutations", r.permutations());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    public static String table(ComparisonResult r) {
        StringBuilder s = new StringBuilder();
        MpkSignals m = r.mpk();
        Map<String, Double> o = r.signals();
        s.append("A: ").append(r.labelA()).append('\n').append("B: ").append(r.labelB()).append("\n\n");
        s.append(String.format(Locale.ROOT, "verdict: %s   p = %s   (related: p below %s and a unit group agreeing; false-positive rate %s on %d unrelated pairs)%n%n",
                r.verdict().label(), fmtP(r.pValue()), fmtP(r.calibration().relatedBelow()), fmt(r.calibration().falsePositiveRate()),
                r.calibration().unrelatedPairs()));
        s.append(String.format(Locale.ROOT, "%-26s %-24s %s%n", "signal", "MPK", "pedigree"));
        row(s, "metadata (MFI)", m.mfiTier() == 0 ? "-" : fmt(m.mfiScore()) + " (tier " + m.mfiTier() + ")", "reported, never decides");
        row(s, "tokenizer (TFV)", fmt(m.tfv()), "reported, never decides");
        row(s, "vocabulary (VOA)", fmt(m.voa()), fmtCount(o.get("shared_tokens")) + " shared tokens after normalising");
        row(s, "embedding anchors (EAS)", fmt(m.eas()), "CKA " + fmt(o.get("embedding_cka")) + " on " + fmtCount(o.get("sampled_tokens"))
                + " shared tokens");
        row(s, "embedding norms (END)", fmt(m.end()), "-");
        row(s, "norm layers (NLF)", fmt(m.nlf()), "-");
        row(s, "layer energy (LEP)", fmt(m.lep()), "-");
        row(s, "hidden units", "-", fmtCount(o.get("hidden_units_matched")) + " matched, median correlation "
                + fmt(o.get("hidden_median_correlation")));
        row(s, "weights (WVC)", fmt(m.wvc()), "median matched cosine " + fmt(o.get("median_matched_cosine")) + ", held-out "
                + fmt(o.get("median_held_out_cosine")));
        row(s, "units matched", "-", pct(o.get("units_matched_share")) + " over " + fmtCount(o.get("groups_tested")) + " unit groups, "
                + fmtCount(o.get("groups_agreeing")) + " agreeing");
        row(s, "score", "identity " + fmt(m.identityScore()), "p = " + fmtP(r.pValue()));
        row(s, "label", m.label(), r.verdict().label());
        s.append("\nevidence:\n");
        for (String e : r.evidence()) {
            s.append("  ").append(e).append('\n');
        }
        s.append(String.format(Locale.ROOT, "%nseed %d, %d permutations per unit group; timing (ms): %s%n", r.seed(), r.permutations(),
                r.timing()));
        return s.toString();
    }

    private static void row(StringBuilder s, String name, String mpk, String ours) {
        s.append(String.format(Locale.ROOT, "%-26s %-24s %s%n", name, mpk, ours));
    }

    private static void number(ObjectNode n, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            n.putNull(key);
        } else {
            n.put(key, v);
        }
    }

    private static String fmt(Double v) {
        return v == null || Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String fmtP(double p) {
        return Double.isNaN(p) ? "-" : String.format(Locale.ROOT, "%.3g", p);
    }

    private static String fmtCount(Double v) {
        return v == null || Double.isNaN(v) ? "-" : Long.toString(Math.round(v));
    }

    private static String pct(Double v) {
        return v == null || Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
