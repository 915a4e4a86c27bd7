package dev.pedigree.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A {@link Report} as plain text for a terminal: each section the job filled, then how it was run. */
public final class ReportTableRenderer {
    private ReportTableRenderer() {
    }

    public static String render(Report r) {
        StringBuilder out = new StringBuilder();
        if (r.inspect() != null) {
            out.append(InspectTableRenderer.render(r.inspect())).append('\n');
        } else {
            subjects(out, r);
        }
        lineage(out, r);
        findings(out, r);
        for (WeightComparison c : r.weightComparisons()) {
            comparison(out, c);
        }
        if (r.provenanceSet() != null) {
            provenanceSet(out, r.provenanceSet());
        }
        if (r.distances() != null) {
            distances(out, r.distances());
        }
        if (r.scan() != null) {
            scan(out, r.scan());
        }
        if (!r.notes().isEmpty()) {
            out.append("notes\n");
            r.notes().forEach(n -> out.append("  ").append(n).append('\n'));
            out.append('\n');
        }
        footer(out, r);
        return out.toString();
    }

    private static void subjects(StringBuilder out, Report r) {
        out.append("models\n");
        for (Subject s : r.subjects()) {
            out.append(String.format(Locale.ROOT, "  %-10s %s%s%n", s.role(), s.name(),
                    s.spec() == null || s.spec().equals(s.name()) ? "" : "  (" + s.spec() + ")"));
            out.append(String.format(Locale.ROOT, "  %-10s %s%s%n", "", s.format() == null ? "" : s.format() + ", ",
                    s.digest() == null ? "digest not computed" : "sha256:" + s.digest()));
        }
        out.append('\n');
    }

    private static void lineage(StringBuilder out, Report r) {
        out.append("lineage: declared versus verified\n");
        for (Subject s : r.subjects()) {
            DeclaredLineageSummary d = s.declared();
            if (!d.baseModels().isEmpty()) {
                out.append(String.format(Locale.ROOT, "  %s declares %s%s%n", s.name(), String.join(", ", d.baseModels()),
                        d.relation() == null ? "" : " (" + d.relation() + ")"));
            }
        }
        if (r.subjects().stream().allMatch(s -> s.declared().baseModels().isEmpty())) {
            out.append("  no model declares a base model\n");
        }
        for (LineageEdge e : r.lineage()) {
            out.append(String.format(Locale.ROOT, "  %-13s %s %s %s  [%s%s]%n", e.status().label(), e.from(), e.directionKnown() ? "->" : "--",
                    e.to(), String.join("+", e.evidence().stream().map(Evidence::label).toList()), e.pValue() == null ? "" : ", p = " + Numbers.p(e.pValue())));
        }
        out.append('\n');
    }

    private static void findings(StringBuilder out, Report r) {
        out.append("findings");
        if (r.findings().isEmpty()) {
            out.append(": none\n\n");
            return;
        }
        out.append('\n');
        for (Finding f : r.findings()) {
            out.append(String.format(Locale.ROOT, "  %-7s %s %-17s %s%s%n", f.severity().label(), f.kind().ruleId(), f.kind().token(), f.message(),
                    f.pValue() == null ? "" : " (p = " + Numbers.p(f.pValue()) + ")"));
            f.evidence().forEach(e -> out.append("                                    ").append(e).append('\n'));
        }
        out.append('\n');
    }

    private static void comparison(StringBuilder out, WeightComparison c) {
        out.append("weights: ").append(c.a()).append(" vs ").append(c.b()).append('\n');
        out.append(String.format(Locale.ROOT, "  verdict %s, p = %s; MPK: %s; %d permutations per unit group, seed %d%n", c.verdict(),
                Numbers.p(c.pValue()), c.mpk().label(), c.permutations(), c.seed()));
        if (c.verdictRule() != null) {
            out.append("  ").append(c.verdictRule()).append('\n');
        }
        out.append(String.format(Locale.ROOT, "  %-26s %-24s %s%n", "signal", "MPK", "pedigree"));
        for (SignalRow s : c.signalTable()) {
            out.append(String.format(Locale.ROOT, "  %-26s %-24s %s%n", s.signal(), s.mpkText(), s.oursText()));
        }
        if (!c.evidence().isEmpty()) {
            out.append("  evidence\n");
            c.evidence().forEach(e -> out.append("    ").append(e).append('\n'));
        }
        out.append('\n');
    }

    private static void provenanceSet(StringBuilder out, ProvenanceSetSection s) {
        out.append(String.format(Locale.ROOT, "provenance set of %s (method %s, alpha %s): %s%n", s.target(), s.method(), Numbers.level(s.alpha()),
                names(s.memberNames())));
        steps(out, s);
        if (s.background() != null) {
            background(out, s.background());
        }
        out.append('\n');
        ProvenanceSetSection beside = s.beside();
        if (beside != null) {
            out.append(String.format(Locale.ROOT, "beside it, method %s (alpha %s): %s%n", beside.method(), Numbers.level(beside.alpha()),
                    names(beside.memberNames())));
            steps(out, beside);
            out.append('\n');
        }
        if (!s.explanations().isEmpty()) {
            out.append("candidate by candidate: calibrated set beside the paper-faithful (mps) set\n");
            out.append(String.format(Locale.ROOT, "  %-32s %-10s %-14s %8s  %s%n", "candidate", "calibrated", "paper-faithful", "z", "why"));
            for (ProvenanceSetSection.Explanation e : s.explanations()) {
                out.append(String.format(Locale.ROOT, "  %-32s %-10s %-14s %8s  %s%n", e.model(), e.inCalibratedSet() ? "in" : "out",
                        e.inPaperFaithfulSet() ? "in" : "out", e.backgroundZ() == null ? "-" : String.format(Locale.ROOT, "%.2f", e.backgroundZ()),
                        e.text()));
            }
            out.append('\n');
        }
    }

    /** One method's run: how it stopped, its steps, its sets at every level and the NI-scores. */
    private static void steps(StringBuilder out, ProvenanceSetSection s) {
        out.append(String.format(Locale.ROOT, "  stopped because %s; R = %d permutations (p resolution %.2g), seed %d%n",
                s.stoppedBecause().replace('_', ' '), s.permutations(), s.pValueResolution(), s.seed()));
        s.untested().forEach(name -> out.append(String.format(Locale.ROOT,
                "  %s could not be tested: without reference models a pool of one has nothing to compare with (add --reference)%n", name)));
        out.append(String.format(Locale.ROOT, "  %4s  %-32s %5s %12s %10s %10s%n", "step", "nearest model", "pool",
                ProvenanceSets.statisticName(s.method()), "p", "monotone p"));
        for (ProvenanceSetSection.Step st : s.steps()) {
            out.append(String.format(Locale.ROOT, "  %4d  %-32s %5d %12.4f %10.4g %10.4g%n", st.number(), st.model() + (st.reference() ? " (ref)" : ""),
                    st.poolSize(), st.statistic(), st.pValue(), st.monotonePValue()));
        }
        out.append("  sets by alpha\n");
        s.setsByAlpha().forEach((level, names) -> out.append(String.format(Locale.ROOT, "    %-6s %s%n", level,
                names.isEmpty() ? "(empty)" : String.join(", ", names))));
        out.append("  NI-scores (-log10 p)\n");
        s.niScores().forEach((name, score) -> out.append(String.format(Locale.ROOT, "    %-32s %s%n", name,
                score == null || score.isNaN() ? "untested" : String.format(Locale.ROOT, "%.3f", score))));
    }

    private static void background(StringBuilder out, ProvenanceSetSection.Background b) {
        out.append(String.format(Locale.ROOT, "  calibrated background: %s, %d models, scale %s", b.source(), b.models(), Numbers.score(b.scale())));
        if (b.location() != null) {
            out.append(String.format(Locale.ROOT, ", location %s, spread %s", Numbers.score(b.location()), Numbers.score(b.spread())));
        }
        if (b.targetEccentricity() != null) {
            out.append(String.format(Locale.ROOT, ", target eccentricity %s", Numbers.score(b.targetEccentricity())));
        }
        out.append('\n');
        if (!b.eccentricities().isEmpty()) {
            out.append("    eccentricity ");
            out.append(String.join(", ", b.eccentricities().entrySet().stream().map(e -> e.getKey() + " " + Numbers.score(e.getValue())).toList()));
            out.append('\n');
        }
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "empty" : String.join(", ", names);
    }

    private static void distances(StringBuilder out, DistanceSection d) {
        out.append(String.format(Locale.ROOT, "distances (%s, %d prompts%s)%n", d.distance(), d.prompts(),
                d.promptSetSha256() == null ? "" : ", prompt set sha256:" + d.promptSetSha256()));
        out.append(String.format(Locale.ROOT, "  %-32s %9s %9s %9s %9s %9s %9s%n", "candidate", "p05", "q1", "median", "q3", "p95", "mean"));
        for (DistanceSummary s : d.candidates()) {
            out.append(String.format(Locale.ROOT, "  %-32s %9.4g %9.4g %9.4g %9.4g %9.4g %9.4g%n", s.model(), s.p05(), s.q1(), s.median(), s.q3(),
                    s.p95(), s.mean()));
        }
        for (Map.Entry<String, String> e : d.excluded().entrySet()) {
            out.append("  excluded ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        out.append('\n');
    }

    private static void scan(StringBuilder out, ScanSection s) {
        out.append(String.format(Locale.ROOT, "fingerprint database %s: %d entries, %d compared in full; %d permutations, seed %d%n", s.database(),
                s.entries(), s.shortlisted(), s.permutations(), s.seed()));
        if (s.rule() != null) {
            out.append("  ").append(s.rule()).append('\n');
        }
        s.identical().forEach(m -> out.append("  identical: the database holds this exact model as ").append(m).append('\n'));
        out.append("  matches").append(s.matches().isEmpty() ? ": none\n" : "\n");
        hits(out, s.matches());
        if (!s.nearest().isEmpty()) {
            out.append("  nearest by weight sketch (not matches)\n");
            hits(out, s.nearest());
        }
        out.append('\n');
    }

    private static void hits(StringBuilder out, List<ScanSection.Hit> hits) {
        int rank = 1;
        for (ScanSection.Hit h : hits) {
            out.append(String.format(Locale.ROOT, "  %2d. %-40s %-14s score %s  p %s  %s  [%s]%n", rank++, h.model(), h.family() == null ? "" : h.family(),
                    Numbers.score(h.score()), Numbers.p(h.pValue()), h.matchType() == null ? "-" : h.matchType(), h.verdict()));
            h.evidence().forEach(e -> out.append("        ").append(e).append('\n'));
        }
    }

    private static void footer(StringBuilder out, Report r) {
        Environment e = r.environment();
        out.append(String.format(Locale.ROOT, "pedigree %s, report schema %d, %s; Java %s (%s), %s %s%n", e.toolVersion(), r.schemaVersion(),
                r.createdAt(), e.java(), e.javaVendor(), e.os(), e.arch()));
        if (!r.seeds().isEmpty()) {
            out.append("seeds ").append(r.seeds()).append('\n');
        }
        if (!r.timingsMs().isEmpty()) {
            out.append("timings (ms) ").append(r.timingsMs()).append('\n');
        }
    }
}
