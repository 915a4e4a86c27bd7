package dev.pedigree.report;

import java.util.List;

/**
 * The one-line answer of a report, as the BOM properties and the SARIF run carry it.
 *
 * @param verdict      {@code related} / {@code unrelated} / {@code inconclusive} for a weight comparison;
 *                     {@code link found} / {@code no link found} for a provenance set; null for inspect
 * @param pValue       the p-value behind the verdict, or null
 * @param alpha        the level, or null where the job has none
 * @param permutations permutations behind the p-value, or null
 * @param text         one sentence a person can read
 */
public record ReportSummary(String verdict, Double pValue, Double alpha, Integer permutations, String text) {

    public static ReportSummary of(Report r) {
        ProvenanceSetSection s = r.provenanceSet();
        if (s != null) {
            List<ProvenanceSetSection.Member> m = s.members();
            Double p = m.isEmpty() ? (s.steps().isEmpty() ? null : s.steps().getFirst().monotonePValue()) : m.getLast().pValue();
            String names = String.join(", ", m.stream().map(ProvenanceSetSection.Member::model).toList());
            return new ReportSummary(m.isEmpty() ? "no link found" : "link found", p, s.alpha(), s.permutations(),
                    "Provenance set of " + s.target() + " at alpha " + Numbers.level(s.alpha()) + " (" + s.method() + ", " + s.permutations()
                            + " permutations, seed " + s.seed() + "): " + (m.isEmpty() ? "empty" : names) + beside(s.beside()) + ".");
        }
        if (!r.weightComparisons().isEmpty()) {
            WeightComparison c = r.weightComparisons().getFirst();
            return new ReportSummary(c.verdict(), c.pValue(), null, c.permutations(),
                    "Weights of " + c.a() + " and " + c.b() + ": " + c.verdict() + ", p = " + Numbers.p(c.pValue()) + " (" + c.permutations()
                            + " permutations, seed " + c.seed() + ").");
        }
        ScanSection scan = r.scan();
        if (scan != null) {
            List<ScanSection.Hit> linked = scan.matches().stream().filter(h -> "weights".equals(h.matchType())).toList();
            Double p = linked.stream().map(ScanSection.Hit::pValue).filter(java.util.Objects::nonNull).min(Double::compare).orElse(null);
            return new ReportSummary(linked.isEmpty() && scan.identical().isEmpty() ? "no link found" : "link found", p, null, scan.permutations(),
                    "Scan of " + r.target().name() + " against " + scan.entries() + " fingerprints (" + scan.permutations() + " permutations, seed "
                            + scan.seed() + "): " + (linked.isEmpty() ? "no weight match"
                                    : String.join(", ", linked.stream().map(ScanSection.Hit::model).toList())) + ".");
        }
        Subject t = r.target();
        DeclaredLineageSummary d = t.declared();
        return new ReportSummary(null, null, null, null, t.name() + (d.baseModels().isEmpty() ? " declares no base model"
                : " declares " + String.join(", ", d.baseModels()) + " as its base") + "; " + r.findings().size() + " findings.");
    }

    /** The other method's set, named after the headline one so a one-line reader sees both. */
    private static String beside(ProvenanceSetSection beside) {
        if (beside == null) {
            return "";
        }
        List<String> names = beside.memberNames();
        return "; beside it, " + beside.method() + ": " + (names.isEmpty() ? "empty" : String.join(", ", names));
    }
}
