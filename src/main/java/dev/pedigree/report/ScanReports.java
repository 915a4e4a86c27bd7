package dev.pedigree.report;

import dev.pedigree.fingerprint.ModelIdentity;
import dev.pedigree.fingerprint.ScanMatch;
import dev.pedigree.fingerprint.ScanResult;
import java.util.ArrayList;
import java.util.List;

/**
 * A fingerprint-database search ({@code fingerprint.ScanResult}) as a report: the scanned model and
 * the entries it was judged against as subjects, the scan section, a link per judged entry (weights
 * related or unrelated; direction unknown, a database entry is a relative, not necessarily a parent),
 * a fingerprint-match finding per weight match and a metadata-only finding per resemblance.
 */
public final class ScanReports {
    private ScanReports() {
    }

    /** @param query the scanned model as a subject (its declared lineage read, its digest computed) */
    public static Report report(ScanResult r, Subject query, String database) {
        ReportBuilder b = Report.builder("scan").seed("permutations", r.seed()).subject(query);
        r.timing().forEach(b::timing);
        List<String> added = new ArrayList<>(List.of(query.name()));
        for (ModelIdentity m : r.identical()) {
            entry(b, added, m);
            b.link(new TestedLink(m.name(), query.name(), false, Evidence.FINGERPRINT, LinkVerdict.RELATED, null,
                    "the database holds this exact model (same content digest)"));
            b.finding(new Finding(FindingKind.FINGERPRINT_MATCH, List.of(query.name(), m.name()), "identical", null,
                    query.name() + " is the database entry " + m.name() + " (same content digest)", List.of()));
        }
        for (ScanMatch m : r.matches()) {
            String name = m.model().name();
            if (ModelIdentity.WEIGHTS.equals(m.matchType())) {
                entry(b, added, m.model());
                b.link(link(query.name(), m));
                b.finding(new Finding(FindingKind.FINGERPRINT_MATCH, List.of(query.name(), name), m.verdict(), finite(m.pValue()),
                        query.name() + " matches " + name + " in the fingerprint database (weights " + m.verdict() + ")", m.evidence()));
            } else {
                b.finding(new Finding(FindingKind.METADATA_ONLY_MATCH, List.of(query.name(), name), m.verdict(), null,
                        name + " shares configuration or tokenizer hashes with " + query.name() + "; it has no weights to test, so this is "
                                + "resemblance, not lineage", m.evidence()));
            }
        }
        for (ScanMatch m : r.nearest()) {
            if (m.verdict() != null && !added.contains(m.model().name())) {
                entry(b, added, m.model());
                b.link(link(query.name(), m));
            }
        }
        r.warnings().forEach(b::note);
        b.scan(new ScanSection(database, r.entries(), r.shortlisted(), r.permutations(), r.seed(),
                r.rule(), r.identical().stream().map(ModelIdentity::name).toList(), r.matches().stream().map(ScanReports::hit).toList(),
                r.nearest().stream().map(ScanReports::hit).toList()));
        return b.build();
    }

    private static void entry(ReportBuilder b, List<String> added, ModelIdentity m) {
        if (!added.contains(m.name())) {
            b.subject(new Subject(m.name(), "database entry", m.format(), m.digest(), null));
            added.add(m.name());
        }
    }

    private static TestedLink link(String query, ScanMatch m) {
        LinkVerdict v = switch (m.verdict()) {
            case "related" -> LinkVerdict.RELATED;
            case "unrelated" -> LinkVerdict.UNRELATED;
            default -> LinkVerdict.INCONCLUSIVE;
        };
        return new TestedLink(m.model().name(), query, false, Evidence.FINGERPRINT, v, finite(m.pValue()),
                "fingerprint " + m.model().name() + ": weights " + m.verdict() + ", p = " + Numbers.p(finite(m.pValue())));
    }

    private static ScanSection.Hit hit(ScanMatch m) {
        return new ScanSection.Hit(m.model().name(), m.model().family(), m.matchType(), m.verdict(), finite(m.score()), finite(m.pValue()),
                finite(m.sketchSimilarity()), m.evidence());
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
