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
                            + " permutations, seed " + s.seed() + "): " + (m.isEmpty() ? "empty" : names) + ".");
        }
        if (!r.weightComparisons().isEmpty()) {
            WeightComparison c = r.weightComparisons().getFirst();
            return new ReportSummary(c.verdict(), c.pValue(), null, c.permutations(),
                    "Weights of " + c.a() + " and " + c.b() + ": " + c.verdict() + ", p = " + Numbers.p(c.pValue()) + " (" + c.permutations()
                            + " permutations, seed " + c.seed() + ").");
        }
        Subject t = r.target();
        DeclaredLineageSummary d = t.declared();
        return new ReportSummary(null, null, null, null, t.name() + (d.baseModels().isEmpty() ? " declares no base model"
                : " declares " + String.join(", ", d.baseModels()) + " as its base") + "; " + r.findings().size() + " findings.");
    }
}
