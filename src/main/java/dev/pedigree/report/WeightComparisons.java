package dev.pedigree.report;

import dev.pedigree.compare.Calibration;
import dev.pedigree.compare.ComparisonResult;
import dev.pedigree.compare.MpkSignals;
import dev.pedigree.compare.Verdict;
import dev.pedigree.signals.GroupResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A weight comparison ({@code compare.ComparisonResult}) as report sections: the signal table with
 * MPK's numbers beside ours, the link it found between the two models, and the findings it yields.
 */
public final class WeightComparisons {
    private WeightComparisons() {
    }

    /** The report of a comparison of two stores whose models were not opened as such (no digests, declared lineage not read). */
    public static Report report(ComparisonResult r) {
        return report(r, new Subject(r.labelA(), "a", null, null, null), new Subject(r.labelB(), "b", null, null, null));
    }

    /** The {@code compare} job's report: both models as subjects, the comparison, its link and findings, timings and seed. */
    public static Report report(ComparisonResult r, Subject a, Subject b) {
        ReportBuilder builder = Report.builder("compare").seed("weight_compare", r.seed()).subject(a).subject(b)
                .weightComparison(section(r)).link(link(r));
        findings(r).forEach(builder::finding);
        r.timing().forEach(builder::timing);
        return builder.build();
    }

    /** The signal table and numbers of {@code r}, MPK's column beside ours. */
    public static WeightComparison section(ComparisonResult r) {
        return section(r, r.labelA(), r.labelB());
    }

    /** The same, naming the two models as the report does ({@code a}, {@code b}) rather than by the specs they were opened from. */
    public static WeightComparison section(ComparisonResult r, String a, String b) {
        MpkSignals m = r.mpk();
        Map<String, Double> o = r.signals();
        List<SignalRow> rows = new ArrayList<>();
        rows.add(new SignalRow("metadata (MFI)", m.mfiTier() == 0 ? null : finite(m.mfiScore()),
                m.mfiTier() == 0 ? "-" : Numbers.score(m.mfiScore()) + " (tier " + m.mfiTier() + ")", null, "reported, never decides"));
        rows.add(new SignalRow("tokenizer (TFV)", finite(m.tfv()), Numbers.score(m.tfv()), null, "reported, never decides"));
        rows.add(new SignalRow("vocabulary (VOA)", finite(m.voa()), Numbers.score(m.voa()), null,
                count(o.get("shared_tokens")) + " shared tokens after normalising"));
        rows.add(new SignalRow("embedding anchors (EAS)", finite(m.eas()), Numbers.score(m.eas()), o.get("embedding_cka"),
                "CKA " + Numbers.score(o.get("embedding_cka")) + " on " + count(o.get("sampled_tokens")) + " shared tokens"));
        rows.add(new SignalRow("embedding norms (END)", finite(m.end()), Numbers.score(m.end()), null, "-"));
        rows.add(new SignalRow("norm layers (NLF)", finite(m.nlf()), Numbers.score(m.nlf()), null, "-"));
        rows.add(new SignalRow("layer energy (LEP)", finite(m.lep()), Numbers.score(m.lep()), null, "-"));
        rows.add(new SignalRow("hidden units", null, "-", o.get("hidden_median_correlation"),
                count(o.get("hidden_units_matched")) + " matched, median correlation " + Numbers.score(o.get("hidden_median_correlation"))));
        rows.add(new SignalRow("weights (WVC)", finite(m.wvc()), Numbers.score(m.wvc()), o.get("median_matched_cosine"),
                "median matched cosine " + Numbers.score(o.get("median_matched_cosine")) + ", held-out " + Numbers.score(o.get("median_held_out_cosine"))));
        rows.add(new SignalRow("units matched", null, "-", o.get("units_matched_share"), share(o.get("units_matched_share")) + " over "
                + count(o.get("groups_tested")) + " unit groups, " + count(o.get("groups_agreeing")) + " agreeing"));
        rows.add(new SignalRow("score", finite(m.identityScore()), "identity " + Numbers.score(m.identityScore()), null, "p = " + Numbers.p(r.pValue())));
        rows.add(new SignalRow("label", null, m.label(), null, r.verdict().label()));
        WeightComparison.MpkNumbers mpk = new WeightComparison.MpkNumbers(m.mfiTier() == 0 ? null : m.mfiTier(), finite(m.mfiScore()),
                finite(m.eas()), finite(m.nlf()), finite(m.lep()), finite(m.end()), finite(m.wvc()), finite(m.tfv()), finite(m.voa()),
                finite(m.identityScore()), m.label());
        List<WeightComparison.LayerMatch> layers = r.alignment() == null ? List.of() : r.alignment().groups().stream().map(WeightComparisons::layer).toList();
        Calibration c = r.calibration();
        return new WeightComparison(a, b, r.verdict().label(), finite(r.pValue()), r.permutations(), r.seed(), rule(c),
                finite(c.falsePositiveRate()), rows, r.signals(), mpk, r.evidence(), layers);
    }

    /** What the weights say about the pair; direction unknown (a shared origin, not which model came first). */
    public static TestedLink link(ComparisonResult r) {
        LinkVerdict v = switch (r.verdict()) {
            case RELATED -> LinkVerdict.RELATED;
            case UNRELATED -> LinkVerdict.UNRELATED;
            case INCONCLUSIVE -> LinkVerdict.INCONCLUSIVE;
        };
        return new TestedLink(r.labelA(), r.labelB(), false, Evidence.WEIGHTS, v, finite(r.pValue()),
                "weights " + r.verdict().label() + ", p = " + Numbers.p(r.pValue()));
    }

    /** A weight link when related; a metadata-only match when MPK calls the pair a match and the weights do not. */
    public static List<Finding> findings(ComparisonResult r) {
        return findings(r, r.labelA(), r.labelB());
    }

    /** The same, naming the two models as the report does. */
    public static List<Finding> findings(ComparisonResult r, String a, String b) {
        List<Finding> out = new ArrayList<>();
        List<String> models = List.of(a, b);
        if (r.verdict() == Verdict.RELATED) {
            out.add(new Finding(FindingKind.WEIGHT_LINK, models, r.verdict().label(), finite(r.pValue()),
                    "the weights of " + a + " and " + b + " share an origin", headline(r.evidence())));
        }
        String label = r.mpk().label() == null ? "" : r.mpk().label();
        boolean mpkMatch = label.contains("Match") && !label.startsWith("Not");
        if (mpkMatch && r.verdict() != Verdict.RELATED) {
            out.add(new Finding(FindingKind.METADATA_ONLY_MATCH, models, r.verdict().label(), finite(r.pValue()),
                    "MPK calls " + a + " and " + b + " a match (" + label + ") but the weights say " + r.verdict().label(),
                    headline(r.evidence())));
        }
        return out;
    }

    /** The first lines of the evidence (the summary lines come first); the comparison section keeps them all. */
    private static List<String> headline(List<String> evidence) {
        return evidence.subList(0, Math.min(2, evidence.size()));
    }

    private static WeightComparison.LayerMatch layer(GroupResult g) {
        return new WeightComparison.LayerMatch(g.layerA(), g.layerB(), g.group().name().toLowerCase(Locale.ROOT), g.unitsA(), g.unitsB(),
                g.matchedUnits(), g.comparedUnits(), finite(g.medianCosineIn()), finite(g.medianCosineOut()), finite(g.pValue()));
    }

    private static String rule(Calibration c) {
        return String.format(Locale.ROOT, "related: p below %s and a unit group agreeing (at least %d units and %.0f%% of those compared); "
                + "false-positive rate %s on %d unrelated pairs (%s)", Numbers.p(c.relatedBelow()), c.minAgreeingUnits(), 100 * c.minAgreeingShare(),
                Numbers.score(c.falsePositiveRate()), c.unrelatedPairs(), c.measuredOn());
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String count(Double v) {
        return v == null || Double.isNaN(v) ? "-" : Long.toString(Math.round(v));
    }

    private static String share(Double v) {
        return v == null || Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
