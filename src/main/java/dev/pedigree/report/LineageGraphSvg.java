package dev.pedigree.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lineage as a small layered graph: ancestors above the models derived from them (each node one
 * layer below its lowest-placed parent along edges of known direction), edges coloured by status —
 * confirmed green, undeclared red, contradicted red dashed, declared-only grey dashed — with an arrow
 * where the direction is known.
 */
final class LineageGraphSvg {
    private static final int WIDTH = 880;
    private static final int NODE_W = 190;
    private static final int NODE_H = 34;
    private static final int LAYER_GAP = 130;
    private static final int TOP = 24;

    private LineageGraphSvg() {
    }

    static String render(List<Subject> subjects, List<LineageEdge> edges, String id) {
        List<String> nodes = new ArrayList<>();
        subjects.forEach(s -> nodes.add(s.name()));
        for (LineageEdge e : edges) {
            for (String n : List.of(e.from(), e.to())) {
                if (!nodes.contains(n)) {
                    nodes.add(n);
                }
            }
        }
        Map<String, Integer> layer = layers(nodes, edges, subjects.isEmpty() ? null : subjects.getFirst().name());
        int layers = layer.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        Map<Integer, List<String>> byLayer = new LinkedHashMap<>();
        for (String n : nodes) {
            byLayer.computeIfAbsent(layer.get(n), k -> new ArrayList<>()).add(n);
        }
        int perRow = Math.max(1, (WIDTH - 20) / (NODE_W + 20));
        Map<String, double[]> pos = new LinkedHashMap<>();
        int row = 0;
        for (int l = 0; l < layers; l++) {
            List<String> inLayer = byLayer.getOrDefault(l, List.of());
            for (int start = 0; start < inLayer.size(); start += perRow) {
                List<String> chunk = inLayer.subList(start, Math.min(inLayer.size(), start + perRow));
                double gap = (double) WIDTH / chunk.size();
                for (int i = 0; i < chunk.size(); i++) {
                    pos.put(chunk.get(i), new double[] {gap * (i + 0.5), TOP + row * LAYER_GAP + NODE_H / 2.0});
                }
                row++;
            }
        }
        int height = TOP + Math.max(row, 1) * LAYER_GAP - LAYER_GAP + NODE_H + 60;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg id=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">",
                id, WIDTH, height, WIDTH, height));
        svg.append("<title>lineage: declared and verified edges</title><defs>");
        for (LineageEdge.Status s : LineageEdge.Status.values()) {
            svg.append(String.format(Locale.ROOT, "<marker id=\"arrow-%s\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">"
                    + "<path d=\"M0 0 L10 5 L0 10 z\" fill=\"%s\"/></marker>", s.label(), colour(s)));
        }
        svg.append("</defs>");
        for (LineageEdge e : edges) {
            double[] a = pos.get(e.from());
            double[] b = pos.get(e.to());
            double[] from = border(a, b);
            double[] to = border(b, a);
            String dash = e.status() == LineageEdge.Status.CONTRADICTED || e.status() == LineageEdge.Status.DECLARED_ONLY ? " stroke-dasharray=\"7 5\"" : "";
            String arrow = e.directionKnown() ? " marker-end=\"url(#arrow-" + e.status().label() + ")\"" : "";
            svg.append(String.format(Locale.ROOT, "<g class=\"edge %s\"><title>%s %s %s: %s%s</title>", e.status().label(), Html.escape(e.from()),
                    e.directionKnown() ? "→" : "—", Html.escape(e.to()), e.status().label(), e.pValue() == null ? "" : ", p = " + Numbers.p(e.pValue())));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2.5\"%s%s/>",
                    from[0], from[1], to[0], to[1], colour(e.status()), dash, arrow));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">%s · %s</text></g>",
                    from[0] + 0.3 * (to[0] - from[0]), from[1] + 0.3 * (to[1] - from[1]) + 4, colour(e.status()), e.status().label(), Html.escape(e.relation())));
        }
        for (String n : nodes) {
            double[] p = pos.get(n);
            boolean subject = subjects.stream().anyMatch(s -> s.name().equals(n));
            boolean target = !subjects.isEmpty() && subjects.getFirst().name().equals(n);
            svg.append(String.format(Locale.ROOT, "<g class=\"node\"><title>%s</title><rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%d\" rx=\"6\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"%s/>",
                    Html.escape(n), p[0] - NODE_W / 2.0, p[1] - NODE_H / 2.0, NODE_W, NODE_H, target ? "#fdf2d0" : subject ? "#eef3f8" : "#ffffff",
                    target ? "#b7950b" : "#1f4e79", target ? "2.5" : "1.5", subject ? "" : " stroke-dasharray=\"4 3\""));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\" fill=\"#111\">%s</text></g>",
                    p[0], p[1] + 4, Html.escape(Html.shorten(n, 27))));
        }
        double ly = height - 22;
        int lx = 10;
        for (LineageEdge.Status s : LineageEdge.Status.values()) {
            String dash = s == LineageEdge.Status.CONTRADICTED || s == LineageEdge.Status.DECLARED_ONLY ? " stroke-dasharray=\"7 5\"" : "";
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2.5\"%s/>", lx, lx + 30, ly, ly, colour(s), dash));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" fill=\"#333\">%s</text>", lx + 36, ly + 4, s.label()));
            lx += 125;
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" fill=\"#333\">dashed box: named, not tested</text>", lx, ly + 4));
        svg.append("</svg>");
        return svg.toString();
    }

    /**
     * Longest-path layering along edges of known direction (a cycle, declared nonsense, is cut after as
     * many rounds as nodes); then a model related to the target without a known direction goes one layer
     * below it, so the edge does not run along a row of boxes.
     */
    private static Map<String, Integer> layers(List<String> nodes, List<LineageEdge> edges, String target) {
        Map<String, Integer> layer = new LinkedHashMap<>();
        nodes.forEach(n -> layer.put(n, 0));
        for (int round = 0; round < nodes.size(); round++) {
            boolean changed = false;
            for (LineageEdge e : edges) {
                if (e.directionKnown() && layer.get(e.to()) < layer.get(e.from()) + 1) {
                    layer.put(e.to(), layer.get(e.from()) + 1);
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        for (LineageEdge e : edges) {
            if (!e.directionKnown() && layer.get(e.from()).equals(layer.get(e.to()))) {
                String lower = e.from().equals(target) ? e.to() : e.from();
                layer.put(lower, layer.get(lower) + 1);
            }
        }
        return layer;
    }

    /** Where the segment from the centre of box {@code a} towards {@code b} leaves box {@code a}. */
    private static double[] border(double[] a, double[] b) {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        if (dx == 0 && dy == 0) {
            return a.clone();
        }
        double sx = dx == 0 ? Double.POSITIVE_INFINITY : (NODE_W / 2.0) / Math.abs(dx);
        double sy = dy == 0 ? Double.POSITIVE_INFINITY : (NODE_H / 2.0 + 2) / Math.abs(dy);
        double s = Math.min(sx, sy);
        return new double[] {a[0] + dx * s, a[1] + dy * s};
    }

    private static String colour(LineageEdge.Status s) {
        return switch (s) {
            case CONFIRMED -> "#1e7e46";
            case UNDECLARED, CONTRADICTED -> "#c0392b";
            case DECLARED_ONLY -> "#7f8c8d";
            case FOUND -> "#1f4e79";
        };
    }
}
