package dev.pedigree.report;

import dev.pedigree.model.lineage.LineageClaim;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@link Report} as one self-contained HTML page: inline CSS and inline SVG figures drawn here, no
 * script and nothing fetched, so it opens the same offline, in a mail attachment or a CI artefact.
 * Key elements carry stable ids: {@code findings}, {@code subjects}, {@code declared-vs-verified},
 * {@code lineage-graph}, {@code signal-table}, {@code provenance-set}, {@code step-chart},
 * {@code calibration-background}, {@code beside-set}, {@code provenance-set-beside}, {@code step-chart-beside},
 * {@code set-differences},
 * {@code distance-chart}, {@code inspect}, {@code run}.
 */
public final class ReportHtmlRenderer {
    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1b1f23;margin:0;background:#f4f6f8}
            main{max-width:940px;margin:0 auto;padding:24px 28px 40px;background:#fff;min-height:100vh}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:2px solid #e3e6ea;padding-bottom:4px}
            .sub{color:#59636e;margin:0 0 12px}
            table{border-collapse:collapse;width:100%;margin:6px 0 10px}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #e3e6ea;vertical-align:top}
            th{background:#f0f3f6;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            code{font:12px ui-monospace,"DejaVu Sans Mono",monospace;word-break:break-all}
            .sev{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;color:#fff}
            .sev.error{background:#c0392b}.sev.warning{background:#d68910}.sev.note{background:#2471a3}
            .st{font-weight:600}.st.confirmed{color:#1e7e46}.st.undeclared,.st.contradicted{color:#c0392b}.st.declared-only{color:#6c7a89}.st.found{color:#1f4e79}
            .verdict{font-size:16px;font-weight:600}.related{color:#1e7e46}.unrelated{color:#1f4e79}.inconclusive{color:#b9770e}
            .bar{display:inline-block;width:90px;height:9px;background:#e8ecf0;border-radius:4px;margin-right:6px;vertical-align:middle}
            .bar>span{display:block;height:9px;border-radius:4px}.bar.mpk>span{background:#8e7cc3}.bar.ours>span{background:#1f8a70}
            tbody.pair th{background:#e6edf5}tr.differs td{background:#fff4e0}
            h3{font-size:15px;margin:18px 0 6px}
            figure{margin:8px 0 14px}figcaption{color:#59636e;font-size:12px}svg{max-width:100%;height:auto;display:block}
            details summary{cursor:pointer;color:#1f4e79}
            footer{margin-top:30px;color:#59636e;font-size:12px}
            """;

    private ReportHtmlRenderer() {
    }

    public static String render(Report r) {
        StringBuilder h = new StringBuilder(16_384);
        Subject target = r.target();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>pedigree ").append(Html.escape(r.job())).append(": ").append(Html.escape(target.name())).append("</title>")
                .append("<style>").append(CSS).append("</style></head><body><main>\n");
        h.append("<h1>pedigree ").append(Html.escape(r.job())).append(": ").append(Html.escape(target.name())).append("</h1>");
        h.append("<p class=\"sub\">").append(Html.escape(ReportSummary.of(r).text())).append("</p>\n");
        findings(h, r);
        subjects(h, r);
        lineage(h, r);
        if (!r.weightComparisons().isEmpty()) {
            signals(h, r.weightComparisons());
        }
        if (r.provenanceSet() != null) {
            provenanceSet(h, r.provenanceSet());
        }
        if (r.distances() != null) {
            Set<String> members = r.provenanceSet() == null ? Set.of()
                    : r.provenanceSet().members().stream().map(ProvenanceSetSection.Member::model).collect(Collectors.toSet());
            h.append("<section><h2>Distances to the target</h2>");
            h.append("<figure>").append(BoxPlotSvg.render(r.distances(), members, "distance-chart"))
                    .append("<figcaption>Box: quartiles; bar: median; whiskers: 5th–95th percentile; dots: min and max; red diamond: mean. ")
                    .append(r.distances().prompts()).append(" prompts").append(r.distances().promptSetSha256() == null ? ""
                            : ", prompt set sha256 <code>" + Html.escape(r.distances().promptSetSha256()) + "</code>")
                    .append(".</figcaption></figure>");
            r.distances().excluded().forEach((m, why) -> h.append("<p>Excluded <code>").append(Html.escape(m)).append("</code>: ")
                    .append(Html.escape(why)).append("</p>"));
            h.append("</section>\n");
        }
        if (r.scan() != null) {
            scan(h, r.scan());
        }
        if (r.inspect() != null) {
            inspect(h, r.inspect());
        }
        if (!r.notes().isEmpty()) {
            h.append("<section><h2>Notes</h2><ul>");
            r.notes().forEach(n -> h.append("<li>").append(Html.escape(n)).append("</li>"));
            h.append("</ul></section>");
        }
        footer(h, r);
        h.append("</main></body></html>\n");
        return h.toString();
    }

    private static void findings(StringBuilder h, Report r) {
        h.append("<section><h2>Findings</h2>");
        if (r.findings().isEmpty()) {
            h.append("<p id=\"findings\">None.</p></section>\n");
            return;
        }
        h.append("<table id=\"findings\"><thead><tr><th>severity</th><th>rule</th><th>finding</th><th>p</th></tr></thead><tbody>");
        for (Finding f : r.findings()) {
            h.append("<tr><td><span class=\"sev ").append(f.severity().label()).append("\">").append(f.severity().label()).append("</span></td>")
                    .append("<td><code>").append(f.kind().ruleId()).append("</code> ").append(f.kind().token()).append("</td><td>")
                    .append(Html.escape(f.message()));
            if (!f.evidence().isEmpty()) {
                h.append("<br><small>").append(f.evidence().stream().map(Html::escape).collect(Collectors.joining("<br>"))).append("</small>");
            }
            h.append("</td><td class=\"num\">").append(Numbers.p(f.pValue())).append("</td></tr>");
        }
        h.append("</tbody></table></section>\n");
    }

    private static void subjects(StringBuilder h, Report r) {
        h.append("<section><h2>Models</h2><table id=\"subjects\"><thead><tr><th>role</th><th>model</th><th>format</th><th>digest (SHA-256)</th>")
                .append("<th>declared base</th></tr></thead><tbody>");
        for (Subject s : r.subjects()) {
            DeclaredLineageSummary d = s.declared();
            h.append("<tr><td>").append(Html.escape(s.role())).append("</td><td><code>").append(Html.escape(s.name())).append("</code>")
                    .append(s.spec() == null || s.spec().equals(s.name()) ? "" : "<br><small><code>" + Html.escape(s.spec()) + "</code></small>")
                    .append("</td><td>").append(Html.escape(s.format() == null ? "-" : s.format())).append("</td><td>")
                    .append(s.digest() == null ? "not computed" : "<code title=\"" + s.digest() + "\">" + s.digest().substring(0, 16) + "…</code>")
                    .append("</td><td>").append(d.baseModels().isEmpty() ? "none declared"
                            : Html.escape(String.join(", ", d.baseModels())) + (d.relation() == null ? "" : " (" + Html.escape(d.relation()) + ")"))
                    .append("</td></tr>");
        }
        h.append("</tbody></table></section>\n");
    }

    private static void lineage(StringBuilder h, Report r) {
        h.append("<section><h2>Lineage: declared versus verified</h2>");
        h.append("<table id=\"declared-vs-verified\"><thead><tr><th>from</th><th>to</th><th>relation</th><th>declared</th><th>found</th>")
                .append("<th>status</th><th>p</th></tr></thead><tbody>");
        if (r.lineage().isEmpty()) {
            h.append("<tr><td colspan=\"7\">No model declares a base model, and no link was found.</td></tr>");
        }
        for (LineageEdge e : r.lineage()) {
            boolean declared = e.evidence().contains(Evidence.DECLARED);
            String found = e.evidence().stream().filter(x -> x != Evidence.DECLARED).map(Evidence::label).collect(Collectors.joining(", "));
            h.append("<tr><td><code>").append(Html.escape(e.from())).append("</code></td><td><code>").append(Html.escape(e.to())).append("</code></td><td>")
                    .append(Html.escape(e.relation())).append(e.directionKnown() ? "" : " (direction unknown)").append("</td><td>")
                    .append(declared ? "yes" : "no").append("</td><td>").append(found.isEmpty() ? "-" : Html.escape(found)).append("</td><td><span class=\"st ")
                    .append(e.status().label()).append("\">").append(e.status().label()).append("</span></td><td class=\"num\">")
                    .append(Numbers.p(e.pValue())).append("</td></tr>");
        }
        h.append("</tbody></table>");
        List<LineageClaim> claims = r.subjects().stream().flatMap(s -> s.declared().claims().stream()).toList();
        if (!claims.isEmpty()) {
            h.append("<details><summary>Every declared claim (").append(claims.size()).append(")</summary><table><tbody>");
            for (Subject s : r.subjects()) {
                for (LineageClaim c : s.declared().claims()) {
                    h.append("<tr><td><code>").append(Html.escape(s.name())).append("</code></td><td><code>").append(Html.escape(c.key()))
                            .append("</code></td><td>").append(Html.escape(c.value())).append("</td><td>").append(Html.escape(c.origin())).append("</td></tr>");
                }
            }
            h.append("</tbody></table></details>");
        }
        h.append("<figure>").append(LineageGraphSvg.render(r.subjects(), r.lineage(), "lineage-graph"))
                .append("<figcaption>Arrows point from ancestor to derived model where the direction is known.</figcaption></figure></section>\n");
    }

    private static void signals(StringBuilder h, List<WeightComparison> comparisons) {
        h.append("<section><h2>Weight signals: MPK beside pedigree</h2>");
        h.append("<table id=\"signal-table\"><thead><tr><th>signal</th><th>MPK</th><th>pedigree</th></tr></thead>");
        for (WeightComparison c : comparisons) {
            h.append("<tbody class=\"pair\"><tr><th colspan=\"3\"><code>").append(Html.escape(c.a())).append("</code> vs <code>").append(Html.escape(c.b()))
                    .append("</code> — <span class=\"verdict ").append(Html.escape(c.verdict())).append("\">").append(Html.escape(c.verdict()))
                    .append("</span>, p = ").append(Numbers.p(c.pValue())).append(c.mpk().label() == null ? "" : "; MPK: " + Html.escape(c.mpk().label()))
                    .append("</th></tr></tbody><tbody>");
            for (SignalRow s : c.signalTable()) {
                h.append("<tr><td>").append(Html.escape(s.signal())).append("</td><td class=\"num\">").append(bar("mpk", s.mpk()))
                        .append(Html.escape(s.mpkText())).append("</td><td>").append(bar("ours", s.ours())).append(Html.escape(s.oursText())).append("</td></tr>");
            }
            if (!c.evidence().isEmpty()) {
                h.append("<tr><td>evidence</td><td colspan=\"2\"><small>")
                        .append(c.evidence().stream().map(Html::escape).collect(Collectors.joining("<br>"))).append("</small></td></tr>");
            }
            h.append(String.format(Locale.ROOT, "<tr><td>settings</td><td colspan=\"2\"><small>%d permutations per unit group, seed %d%s</small></td></tr>",
                    c.permutations(), c.seed(), c.verdictRule() == null ? "" : "; " + Html.escape(c.verdictRule())));
            if (!c.layers().isEmpty()) {
                h.append("<tr><td>layers</td><td colspan=\"2\"><details><summary>").append(c.layers().size())
                        .append(" unit groups matched</summary><table><thead><tr><th>layers</th><th>group</th><th>matched</th><th>median cosine</th>")
                        .append("<th>held-out</th><th>p</th></tr></thead><tbody>");
                for (WeightComparison.LayerMatch l : c.layers()) {
                    h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td class=\"num\">%d/%d</td><td class=\"num\">%s</td>"
                            + "<td class=\"num\">%s</td><td class=\"num\">%s</td></tr>", l.layerA() == l.layerB() ? l.layerA() : l.layerA() + "↔" + l.layerB(),
                            Html.escape(l.group()), l.matched(), l.compared(), Numbers.score(l.medianCosine()), Numbers.score(l.medianHeldOutCosine()),
                            Numbers.p(l.pValue())));
                }
                h.append("</tbody></table></details></td></tr>");
            }
            h.append("</tbody>");
        }
        h.append("</table></section>\n");
    }

    /** A bar for a score on a 0–1 scale; nothing for other numbers. */
    private static String bar(String kind, Double v) {
        if (v == null || !Double.isFinite(v) || v < 0 || v > 1) {
            return "";
        }
        return String.format(Locale.ROOT, "<span class=\"bar %s\"><span style=\"width:%.0f%%\"></span></span>", kind, 100 * v);
    }

    private static void provenanceSet(StringBuilder h, ProvenanceSetSection s) {
        h.append("<section><h2>Provenance set of <code>").append(Html.escape(s.target())).append("</code></h2>");
        setRun(h, s, "");
        if (s.background() != null) {
            background(h, s.background());
        }
        ProvenanceSetSection beside = s.beside();
        if (beside != null) {
            h.append("<h3 id=\"beside-set\">Beside it: the ").append(methodName(beside.method())).append(" — ")
                    .append(beside.members().isEmpty() ? "empty" : Html.escape(String.join(", ", beside.memberNames()))).append("</h3>");
            setRun(h, beside, "-beside");
        }
        if (!s.explanations().isEmpty()) {
            explanations(h, s.explanations());
        }
        h.append("</section>\n");
    }

    /** {@code mps} is the paper's method, {@code calibrated} ours. */
    private static String methodName(String method) {
        return method.equals("mps") ? "paper-faithful method (mps)" : "calibrated method (" + Html.escape(method) + ")";
    }

    /** One method's set: members, settings, the step chart and the steps; ids carry {@code suffix} so two runs can share a page. */
    private static void setRun(StringBuilder h, ProvenanceSetSection s, String suffix) {
        h.append("<table id=\"provenance-set").append(suffix).append("\"><thead><tr><th>member (in order)</th><th>p</th><th>NI-score</th></tr></thead><tbody>");
        if (s.members().isEmpty()) {
            h.append("<tr><td colspan=\"3\">Empty at α = ").append(Numbers.level(s.alpha())).append(".</td></tr>");
        }
        for (ProvenanceSetSection.Member m : s.members()) {
            h.append("<tr><td><code>").append(Html.escape(m.model())).append("</code></td><td class=\"num\">").append(Numbers.p(m.pValue()))
                    .append("</td><td class=\"num\">").append(m.niScore() == null ? "-" : String.format(Locale.ROOT, "%.3f", m.niScore())).append("</td></tr>");
        }
        h.append("</tbody></table>");
        h.append(String.format(Locale.ROOT, "<p>Method %s%s, α = %s, R = %d permutations (p-values are multiples of %.2g), seed %d; stopped because %s.</p>",
                Html.escape(s.method()), s.distance() == null ? "" : ", " + Html.escape(s.distance()) + " distance", Numbers.level(s.alpha()), s.permutations(),
                s.pValueResolution(), s.seed(), Html.escape(s.stoppedBecause().replace('_', ' '))));
        s.untested().forEach(name -> h.append("<p><code>").append(Html.escape(name))
                .append("</code> could not be tested: without reference models a pool of one has nothing to compare with.</p>"));
        h.append("<figure>").append(StepChartSvg.render(s, "step-chart" + suffix))
                .append("<figcaption>Dots: each step's p-value (green: entered the set; orange: not significant; grey: a reference model). ")
                .append("Line: the monotone p-value; the set at α is the run of steps under the dashed line.</figcaption></figure>");
        String statistic = ProvenanceSets.statisticName(s.method());
        h.append("<details><summary>Steps and sets by α</summary><table><thead><tr><th>step</th><th>nearest model</th><th>pool</th><th>")
                .append(statistic).append("</th><th>p</th><th>monotone p</th></tr></thead><tbody>");
        for (ProvenanceSetSection.Step st : s.steps()) {
            h.append(String.format(Locale.ROOT, "<tr><td class=\"num\">%d</td><td><code>%s</code>%s</td><td class=\"num\">%d</td><td class=\"num\">%.4f</td>"
                    + "<td class=\"num\">%s</td><td class=\"num\">%s</td></tr>", st.number(), Html.escape(st.model()), st.reference() ? " (reference)" : "",
                    st.poolSize(), st.statistic(), Numbers.p(st.pValue()), Numbers.p(st.monotonePValue())));
        }
        h.append("</tbody></table><table><tbody>");
        s.setsByAlpha().forEach((level, names) -> h.append("<tr><td>α = ").append(Html.escape(level)).append("</td><td>")
                .append(names.isEmpty() ? "(empty)" : Html.escape(String.join(", ", names))).append("</td></tr>"));
        h.append("</tbody></table></details>");
    }

    private static void background(StringBuilder h, ProvenanceSetSection.Background b) {
        h.append("<p id=\"calibration-background\">Calibrated background: ");
        if (b.source().equals("pool")) {
            h.append(String.format(Locale.ROOT, "the spread of the target's own distances over %d models (median %s, scale %s, between-model spread %s)",
                    b.models(), Numbers.score(b.location()), Numbers.score(b.scale()), Numbers.score(b.spread())));
        } else {
            h.append(String.format(Locale.ROOT, "the candidates' distances to one another (<code>%s</code>), a two-way fit over %d models "
                    + "(residual scale %s, target eccentricity %s)", Html.escape(b.source()), b.models(), Numbers.score(b.scale()),
                    Numbers.score(b.targetEccentricity())));
        }
        h.append(". A step's z is the nearest model's distance below it in units of the scale.</p>");
        if (!b.eccentricities().isEmpty()) {
            h.append("<details><summary>Eccentricity of each model (how far it sits from every model)</summary><table><tbody>");
            b.eccentricities().forEach((m, e) -> h.append("<tr><td><code>").append(Html.escape(m)).append("</code></td><td class=\"num\">")
                    .append(Numbers.score(e)).append("</td></tr>"));
            h.append("</tbody></table></details>");
        }
    }

    private static void explanations(StringBuilder h, List<ProvenanceSetSection.Explanation> explanations) {
        long differing = explanations.stream().filter(ProvenanceSetSection.Explanation::differs).count();
        h.append("<h3>Candidate by candidate</h3><p>").append(differing == 0 ? "The two methods agree on every candidate."
                : differing + " candidate" + (differing == 1 ? "" : "s") + " where the two methods disagree, highlighted.").append("</p>");
        h.append("<table id=\"set-differences\"><thead><tr><th>candidate</th><th>calibrated</th><th>paper-faithful</th><th>background z</th>")
                .append("<th>why</th></tr></thead><tbody>");
        for (ProvenanceSetSection.Explanation e : explanations) {
            h.append("<tr").append(e.differs() ? " class=\"differs\"" : "").append("><td><code>").append(Html.escape(e.model())).append("</code></td><td>")
                    .append(e.inCalibratedSet() ? "in set" : "out").append("</td><td>").append(e.inPaperFaithfulSet() ? "in set" : "out")
                    .append("</td><td class=\"num\">").append(e.backgroundZ() == null ? "-" : String.format(Locale.ROOT, "%.2f", e.backgroundZ()))
                    .append("</td><td>").append(Html.escape(e.text())).append("</td></tr>");
        }
        h.append("</tbody></table>");
    }

    private static void scan(StringBuilder h, ScanSection s) {
        h.append("<section><h2>Fingerprint database</h2><p>").append(Html.escape(s.database())).append(": ").append(s.entries())
                .append(" entries, ").append(s.shortlisted()).append(" compared in full; ").append(s.permutations()).append(" permutations, seed ")
                .append(s.seed()).append(s.rule() == null ? "" : "; " + Html.escape(s.rule())).append(".</p>");
        s.identical().forEach(m -> h.append("<p>Identical: the database holds this exact model as <code>").append(Html.escape(m)).append("</code>.</p>"));
        h.append("<table id=\"scan-matches\"><thead><tr><th>entry</th><th>family</th><th>match</th><th>verdict</th><th>score</th><th>p</th></tr></thead><tbody>");
        if (s.matches().isEmpty()) {
            h.append("<tr><td colspan=\"6\">No entry's weights are related, and no metadata-only entry shares its hashes.</td></tr>");
        }
        for (ScanSection.Hit m : s.matches()) {
            hit(h, m);
        }
        if (!s.nearest().isEmpty()) {
            h.append("<tr><th colspan=\"6\">nearest by weight sketch (not matches)</th></tr>");
            s.nearest().forEach(m -> hit(h, m));
        }
        h.append("</tbody></table></section>\n");
    }

    private static void hit(StringBuilder h, ScanSection.Hit m) {
        h.append("<tr><td><code>").append(Html.escape(m.model())).append("</code>");
        if (!m.evidence().isEmpty()) {
            h.append("<br><small>").append(m.evidence().stream().map(Html::escape).collect(Collectors.joining("<br>"))).append("</small>");
        }
        h.append("</td><td>").append(Html.escape(m.family() == null ? "-" : m.family())).append("</td><td>")
                .append(Html.escape(m.matchType() == null ? "-" : m.matchType())).append("</td><td>").append(Html.escape(m.verdict()))
                .append("</td><td class=\"num\">").append(Numbers.score(m.score())).append("</td><td class=\"num\">").append(Numbers.p(m.pValue()))
                .append("</td></tr>");
    }

    private static void inspect(StringBuilder h, InspectReport i) {
        InspectReport.Architecture a = i.architecture();
        h.append("<section><h2>Contents</h2><table id=\"inspect\"><tbody>");
        row(h, "weights", i.weights() + " (" + i.weightsChoice() + ")");
        row(h, "format", i.format());
        row(h, "tokenizer", i.tokenizer() == null ? "none found" : i.tokenizer());
        row(h, "architecture", (a.modelType() == null ? "" : a.modelType() + " ") + "(from " + a.source() + "): hidden " + text(a.hiddenSize()) + ", layers "
                + text(a.numLayers()) + ", heads " + text(a.numHeads()) + " / kv " + text(a.numKvHeads()) + ", vocab " + text(a.vocabSize())
                + ", intermediate " + text(a.intermediateSize()));
        row(h, "roles", i.roles().summary() + (i.roles().basis().isEmpty() ? "" : ": " + String.join("; ", i.roles().basis())));
        row(h, "parameters", String.format(Locale.ROOT, "%,d", i.parameters()));
        for (InspectReport.DtypeShare d : i.dtypes()) {
            row(h, "dtype " + d.dtype(), String.format(Locale.ROOT, "%,d parameters in %d tensors", d.parameters(), d.tensors()));
        }
        h.append("</tbody></table><details><summary>").append(i.tensors().size()).append(" tensors</summary><table><thead><tr><th>layer</th><th>role</th>")
                .append("<th>dtype</th><th>shape</th><th>name</th></tr></thead><tbody>");
        for (InspectReport.Tensor t : i.tensors()) {
            h.append("<tr><td>").append(t.layer() == null ? "global" : t.layer()).append("</td><td>").append(Html.escape(t.role() + (t.bias() ? " bias" : "")))
                    .append("</td><td>").append(Html.escape(t.dtype())).append("</td><td>").append(java.util.Arrays.toString(t.shape()))
                    .append("</td><td><code>").append(Html.escape(t.name())).append("</code></td></tr>");
        }
        h.append("</tbody></table></details></section>\n");
    }

    private static void row(StringBuilder h, String k, String v) {
        h.append("<tr><th>").append(Html.escape(k)).append("</th><td>").append(Html.escape(v)).append("</td></tr>");
    }

    private static String text(Integer v) {
        return v == null ? "-" : v.toString();
    }

    private static void footer(StringBuilder h, Report r) {
        Environment e = r.environment();
        h.append("<footer id=\"run\">pedigree ").append(Html.escape(e.toolVersion())).append(" · report schema ").append(r.schemaVersion()).append(" · ")
                .append(Html.escape(r.createdAt())).append(" · Java ").append(Html.escape(e.java())).append(" (").append(Html.escape(e.javaVendor()))
                .append(") · ").append(Html.escape(e.os())).append(' ').append(Html.escape(e.arch())).append(" · ").append(e.processors()).append(" processors");
        if (!r.seeds().isEmpty()) {
            h.append("<br>seeds: ").append(Html.escape(r.seeds().toString()));
        }
        if (!r.timingsMs().isEmpty()) {
            h.append("<br>timings (ms): ").append(Html.escape(r.timingsMs().toString()));
        }
        h.append("</footer>");
    }
}
