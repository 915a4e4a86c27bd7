package dev.pedigree.report;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Each candidate's distances to the target as a horizontal box plot: box from the first to the third
 * quartile, median bar, whiskers from the 5th to the 95th percentile, dots at min and max, a diamond at
 * the mean. Members of the provenance set are green. Smaller distance = more alike.
 */
final class BoxPlotSvg {
    private static final int WIDTH = 880;
    private static final int LEFT = 250;
    private static final int RIGHT = 30;
    private static final int TOP = 16;
    private static final int ROW = 34;
    private static final int AXIS = 44;

    private BoxPlotSvg() {
    }

    static String render(DistanceSection d, Set<String> members, String id) {
        List<DistanceSummary> rows = d.candidates();
        int height = TOP + ROW * Math.max(rows.size(), 1) + AXIS;
        double lo = rows.stream().mapToDouble(DistanceSummary::min).min().orElse(0);
        double hi = rows.stream().mapToDouble(DistanceSummary::max).max().orElse(1);
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double pad = (hi - lo) * 0.04;
        lo -= pad;
        hi += pad;
        double plotW = WIDTH - LEFT - RIGHT;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg id=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">",
                id, WIDTH, height, WIDTH, height));
        svg.append("<title>distance to the target per candidate</title>");
        double axisY = TOP + ROW * Math.max(rows.size(), 1);
        for (int t = 0; t <= 5; t++) {
            double v = lo + (hi - lo) * t / 5;
            double x = LEFT + plotW * t / 5;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%.1f\" stroke=\"#e3e6ea\"/>", x, x, TOP, axisY));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">%.3g</text>", x, axisY + 15, v));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\" fill=\"#333\">%s distance to the target (smaller = more alike)</text>",
                LEFT + plotW / 2, axisY + 34, Html.escape(d.distance())));
        for (int i = 0; i < rows.size(); i++) {
            DistanceSummary s = rows.get(i);
            double cy = TOP + ROW * i + ROW / 2.0;
            boolean member = members.contains(s.model());
            String fill = member ? "#a9dfbf" : "#d6e4f0";
            String stroke = member ? "#1e7e46" : "#1f4e79";
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\" fill=\"#222\">%s<title>%s</title></text>",
                    LEFT - 10, cy + 4, Html.escape(Html.shorten(s.model(), 34)), Html.escape(s.model())));
            svg.append(String.format(Locale.ROOT, "<g class=\"box\"><title>%s: median %.4g, quartiles %.4g to %.4g, 5–95%% %.4g to %.4g, n = %d</title>",
                    Html.escape(s.model()), s.median(), s.q1(), s.q3(), s.p05(), s.p95(), s.count()));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>", x(s.p05(), lo, hi, plotW),
                    x(s.p95(), lo, hi, plotW), cy, cy, stroke));
            for (double w : new double[] {s.p05(), s.p95()}) {
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>", x(w, lo, hi, plotW),
                        x(w, lo, hi, plotW), cy - 6, cy + 6, stroke));
            }
            double bx = x(s.q1(), lo, hi, plotW);
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"20\" fill=\"%s\" stroke=\"%s\"/>", bx, cy - 10,
                    Math.max(1, x(s.q3(), lo, hi, plotW) - bx), fill, stroke));
            double mx = x(s.median(), lo, hi, plotW);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2.5\"/>", mx, mx, cy - 10, cy + 10, stroke));
            for (double v : new double[] {s.min(), s.max()}) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>", x(v, lo, hi, plotW), cy, stroke));
            }
            double ex = x(s.mean(), lo, hi, plotW);
            svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1f l4 4 l-4 4 l-4 -4 z\" fill=\"#c0392b\"/>", ex, cy - 4));
            svg.append("</g>");
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static double x(double v, double lo, double hi, double plotW) {
        return LEFT + plotW * (v - lo) / (hi - lo);
    }
}
