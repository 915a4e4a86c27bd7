package dev.pedigree.report;

import java.util.List;
import java.util.Locale;

/**
 * The steps of one provenance-set run as a chart: each step's p-value (dots) and the monotone p-value (a step line) on a
 * log scale from the resolution 1/(R+1) to 1, against the level α (dashed) — the set at α is the
 * run of steps whose monotone p stays below the line.
 */
final class StepChartSvg {
    private static final int WIDTH = 880;
    private static final int HEIGHT = 360;
    private static final int LEFT = 70;
    private static final int RIGHT = 30;
    private static final int TOP = 20;
    private static final int BOTTOM = 130;

    private StepChartSvg() {
    }

    static String render(ProvenanceSetSection s, String id) {
        List<ProvenanceSetSection.Step> steps = s.steps();
        int n = Math.max(steps.size(), 1);
        double lo = Math.log10(Math.min(s.pValueResolution(), s.alpha()) / 1.5);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double band = plotW / n;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg id=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">",
                id, WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<title>").append(Html.escape(s.method())).append(" step p-values against alpha</title>");
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"#fafbfc\" stroke=\"#c8ccd2\"/>", LEFT, TOP, plotW, plotH));
        for (int e = (int) Math.ceil(lo); e <= 0; e++) {
            double y = y(Math.pow(10, e), lo, plotH);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e6ea\"/>", LEFT, LEFT + plotW, y, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">1e%d</text>", LEFT - 6, y + 4, e));
        }
        double ya = y(s.alpha(), lo, plotH);
        svg.append(String.format(Locale.ROOT, "<line class=\"alpha\" x1=\"%d\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#c0392b\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>",
                LEFT, LEFT + plotW, ya, ya));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\" fill=\"#c0392b\">α = %s</text>",
                LEFT + plotW - 4, ya - 5, Numbers.level(s.alpha())));
        int members = s.members().size();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            ProvenanceSetSection.Step st = steps.get(i);
            double x0 = LEFT + i * band;
            double x1 = x0 + band;
            double ym = y(st.monotonePValue(), lo, plotH);
            line.append(i == 0 ? String.format(Locale.ROOT, "M%.1f %.1f", x0, ym) : String.format(Locale.ROOT, " L%.1f %.1f", x0, ym))
                    .append(String.format(Locale.ROOT, " L%.1f %.1f", x1, ym));
            if (i < members) {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"#2e8b57\" fill-opacity=\"0.08\"/>",
                        x0, TOP, band, plotH));
            }
        }
        svg.append("<path class=\"monotone\" d=\"").append(line).append("\" fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"2.5\"/>");
        for (int i = 0; i < steps.size(); i++) {
            ProvenanceSetSection.Step st = steps.get(i);
            double cx = LEFT + (i + 0.5) * band;
            String colour = st.reference() ? "#7f8c8d" : i < members ? "#2e8b57" : "#e67e22";
            svg.append(String.format(Locale.ROOT, "<circle class=\"step\" cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\"><title>step %d: %s, p = %s, monotone p = %s</title></circle>",
                    cx, y(st.pValue(), lo, plotH), colour, st.number(), Html.escape(st.model()), Numbers.p(st.pValue()), Numbers.p(st.monotonePValue())));
            double ty = TOP + plotH + 14;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#333\" transform=\"rotate(-35 %.1f %.1f)\">%d. %s</text>",
                    cx, ty, cx, ty, st.number(), Html.escape(Html.shorten(st.model() + (st.reference() ? " (ref)" : ""), 26))));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" font-size=\"12\" fill=\"#333\" transform=\"rotate(-90 16 %.1f)\" text-anchor=\"middle\">p-value (log scale)</text>",
                TOP + plotH / 2, TOP + plotH / 2));
        svg.append("</svg>");
        return svg.toString();
    }

    private static double y(double p, double lo, double plotH) {
        double l = Math.log10(Math.max(p, Math.pow(10, lo)));
        return TOP + plotH * (l / lo);
    }
}
