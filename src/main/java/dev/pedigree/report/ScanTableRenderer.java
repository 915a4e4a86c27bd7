package dev.pedigree.report;

import dev.pedigree.fingerprint.ModelIdentity;
import dev.pedigree.fingerprint.ScanMatch;
import dev.pedigree.fingerprint.ScanResult;
import java.util.List;
import java.util.Locale;

/** A {@link ScanResult} as text: matches first (weights, then metadata-only), evidence indented under each. */
public final class ScanTableRenderer {
    private ScanTableRenderer() {
    }

    public static String render(ScanResult r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "scan of %s (%s) against %d entries, %d compared in full%n", r.query().name(),
                abbreviate(r.query().digest()), r.entries(), r.shortlisted()));
        for (ModelIdentity m : r.identical()) {
            b.append("identical: the database holds this exact model as ").append(m.name()).append('\n');
        }
        b.append('\n').append("matches").append('\n');
        if (r.matches().isEmpty()) {
            b.append("  none: no entry's weights are related, and no metadata-only entry shares its hashes\n");
        }
        rows(b, r.matches());
        if (!r.nearest().isEmpty()) {
            b.append('\n').append("nearest by weight sketch (not matches)").append('\n');
            rows(b, r.nearest());
        }
        b.append('\n').append(String.format(Locale.ROOT, "independence test: %d permutations, seed %d; %s%ntiming (ms): %s%n",
                r.permutations(), r.seed(), r.rule(), r.timing()));
        return b.toString();
    }

    private static void rows(StringBuilder b, List<ScanMatch> list) {
        int rank = 1;
        for (ScanMatch m : list) {
            String type = m.matchType() == null ? "-" : m.matchType();
            String label = ModelIdentity.METADATA_ONLY.equals(m.matchType()) ? "metadata resemblance, not lineage" : m.verdict();
            b.append(String.format(Locale.ROOT, "%2d. %-40s %-14s score %s  p %s  %s  [%s]%n", rank++, m.model().name(),
                    m.model().family() == null ? "" : m.model().family(), num(m.score(), "%.3f"), num(m.pValue(), "%.2g"), type, label));
            for (String e : m.evidence()) {
                b.append("      ").append(e).append('\n');
            }
        }
    }

    private static String num(double x, String fmt) {
        return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, fmt, x);
    }

    private static String abbreviate(String digest) {
        return digest == null ? "no digest" : digest.substring(0, Math.min(12, digest.length()));
    }
}
