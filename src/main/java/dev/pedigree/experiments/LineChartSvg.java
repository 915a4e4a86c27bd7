package dev.pedigree.experiments;

import java.util.List;
import java.util.Locale;

/**
 * A small SVG line chart: side-by-side panels sharing an x axis (linear, or log10 for ranges over a
 * decade), each with labelled lines, optional error bars and dashed guide lines, and one legend.
 */
final class LineChartSvg {
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"};
    private static final int PANEL_W = 360;
    private static final int PANEL_H = 260;
    private static final int LEFT = 60;
    private static final int TOP = 50;
    private static final int GAP = 70;
    private static final int LEGEND_W = 210;

    /** A line: x, y, and optional interval bounds (null for none). */
    record Line(String label, double[] x, double[] y, double[] low, double[] high) {
    }

    /** A dashed guide, the same dash in every panel: the points (x, y) joined, e.g. y = x or y = 1 − α. */
    record Guide(String label, double[] x, double[] y) {
    }

    record Panel(String yLabel, List<Line> lines, List<Guide> guides) {
    }

    private LineChartSvg() {
    }

    static String render(String title, String xLabel, List<Panel> panels) {
        java.util.TreeSet<Double> xValues = new java.util.TreeSet<>();
        for (Panel p : panels) {
            for (Line l : p.lines()) {
                for (double x : l.x()) {
                    xValues.add(x);
                }
            }
        }
        double xMin = xValues.first();
        double xMax = xValues.last();
        boolean logX = xMin > 0 && xMax / xMin > 10;
        int width = LEFT + panels.size() * (PANEL_W + GAP) + LEGEND_W;
        int height = TOP + PANEL_H + 60;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n", LEFT, escape(title)));
        for (int k = 0; k < panels.size(); k++) {
            panel(svg, panels.get(k), LEFT + k * (PANEL_W + GAP), xLabel, xValues, logX);
        }
        legend(svg, panels, LEFT + panels.size() * (PANEL_W + GAP) - GAP / 2);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void panel(StringBuilder svg, Panel panel, int x0, String xLabel, java.util.SortedSet<Double> xValues, boolean logX) {
        double xMin = xValues.first();
        double xMax = xValues.last();
        double yMax = 0;
        double yLow = Double.POSITIVE_INFINITY;
        for (Line l : panel.lines()) {
            for (int i = 0; i < l.y().length; i++) {
                yMax = Math.max(yMax, l.high() != null ? l.high()[i] : l.y()[i]);
                yLow = Math.min(yLow, l.low() != null ? l.low()[i] : l.y()[i]);
            }
        }
        for (Guide g : panel.guides()) {
            for (double y : g.y()) {
                yMax = Math.max(yMax, y);
                yLow = Math.min(yLow, y);
            }
        }
        yMax = niceCeiling(yMax);
        // rates that stay high (coverage) get a zoomed axis; everything else starts at 0
        double yMin = yLow >= 0.5 && yMax <= 1 ? Math.floor(yLow * 10 - 1e-9) / 10 : 0;
        Scale sx = new Scale(xMin, xMax, x0, x0 + PANEL_W, logX);
        Scale sy = new Scale(yMin, yMax, TOP + PANEL_H, TOP, false);
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>%n",
                x0, TOP, PANEL_W, PANEL_H));
        for (int i = 0; i <= 5; i++) {
            double v = yMin + (yMax - yMin) * i / 5;
            double y = sy.at(v);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", x0, x0 + PANEL_W, y, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", x0 - 5, y + 4, number(v)));
        }
        for (double v : ticks(xValues, logX)) {
            double x = sx.at(v);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#444\"/>%n", x, x,
                    TOP + PANEL_H, TOP + PANEL_H + 5));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, TOP + PANEL_H + 18, number(v)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s%s</text>%n", x0 + PANEL_W / 2,
                TOP + PANEL_H + 38, escape(xLabel), logX ? " (log scale)" : ""));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>%n",
                x0 + PANEL_W / 2, TOP - 8, escape(panel.yLabel())));
        for (Guide g : panel.guides()) {
            svg.append("<polyline fill=\"none\" stroke=\"#888\" stroke-dasharray=\"5,4\" points=\"");
            for (int i = 0; i < g.x().length; i++) {
                svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", sx.at(g.x()[i]), sy.at(g.y()[i])));
            }
            svg.append("\"/>\n");
        }
        for (int k = 0; k < panel.lines().size(); k++) {
            Line l = panel.lines().get(k);
            String colour = COLOURS[k % COLOURS.length];
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"", colour));
            for (int i = 0; i < l.x().length; i++) {
                svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", sx.at(l.x()[i]), sy.at(l.y()[i])));
            }
            svg.append("\"/>\n");
            for (int i = 0; i < l.x().length; i++) {
                double x = sx.at(l.x()[i]);
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x, sy.at(l.y()[i]), colour));
                if (l.low() != null) {
                    svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
                            x, x, sy.at(l.low()[i]), sy.at(l.high()[i]), colour));
                }
            }
        }
    }

    private static void legend(StringBuilder svg, List<Panel> panels, int x0) {
        Panel panel = panels.getFirst();
        int y = TOP + 10;
        for (int k = 0; k < panel.lines().size(); k++) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    x0, x0 + 20, y, y, COLOURS[k % COLOURS.length]));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x0 + 26, y + 4, escape(panel.lines().get(k).label())));
            y += 18;
        }
        java.util.Set<String> guides = new java.util.LinkedHashSet<>();
        panels.forEach(p -> p.guides().forEach(g -> guides.add(g.label())));
        for (String g : guides) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#888\" stroke-dasharray=\"5,4\"/>%n",
                    x0, x0 + 20, y, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x0 + 26, y + 4, escape(g)));
            y += 18;
        }
    }

    /** Maps data values to pixels, linearly or in log10. */
    private record Scale(double min, double max, double from, double to, boolean log) {
        double at(double v) {
            double a = log ? Math.log10(min) : min;
            double b = log ? Math.log10(max) : max;
            double u = log ? Math.log10(v) : v;
            return b == a ? (from + to) / 2 : from + (u - a) / (b - a) * (to - from);
        }
    }

    /** The data's own x values when there are few of them, else round values across the range. */
    private static double[] ticks(java.util.SortedSet<Double> xValues, boolean log) {
        if (xValues.size() <= 8) {
            return xValues.stream().mapToDouble(Double::doubleValue).toArray();
        }
        double min = xValues.first();
        double max = xValues.last();
        if (log) {
            int lo = (int) Math.ceil(Math.log10(min) - 1e-9);
            int hi = (int) Math.floor(Math.log10(max) + 1e-9);
            java.util.List<Double> t = new java.util.ArrayList<>();
            for (int e = lo; e <= hi; e++) {
                for (double f : new double[] {1, 2, 5}) {
                    double v = f * Math.pow(10, e);
                    if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) {
                        t.add(v);
                    }
                }
            }
            return t.stream().mapToDouble(Double::doubleValue).toArray();
        }
        double[] t = new double[6];
        for (int i = 0; i <= 5; i++) {
            t[i] = min + (max - min) * i / 5;
        }
        return t;
    }

    private static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double step = Math.pow(10, Math.floor(Math.log10(v)));
        for (double f : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (f * step >= v - 1e-12) {
                return f * step;
            }
        }
        return 10 * step;
    }

    private static String number(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", v)).stripTrailingZeros().toPlainString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
