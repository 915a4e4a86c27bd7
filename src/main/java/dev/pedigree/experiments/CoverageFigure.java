package dev.pedigree.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figure of a scenario: one panel per metric, x the scenario's chosen axis, one line per value of
 * the series parameters. Rates carry their 95% intervals; dashed guides show the nominal level
 * (y = α for rejection rates, 1 − α for coverage).
 */
final class CoverageFigure {
    private CoverageFigure() {
    }

    static String render(CoverageScenario scenario, List<CellSummary> summaries) {
        CoverageScenario.Figure figure = scenario.figure();
        boolean overAlpha = figure.x().equals("alpha");
        Map<String, List<CellSummary>> lines = new LinkedHashMap<>();
        for (CellSummary s : summaries) {
            if (!overAlpha && Math.abs(s.alpha() - figure.alpha()) > 1e-12) {
                continue;
            }
            lines.computeIfAbsent(label(s.cell(), figure.series()), k -> new ArrayList<>()).add(s);
        }
        double[] xs = lines.values().iterator().next().stream().mapToDouble(s -> x(s, figure.x())).toArray();
        double xMin = java.util.Arrays.stream(xs).min().orElse(0);
        double xMax = java.util.Arrays.stream(xs).max().orElse(1);
        List<LineChartSvg.Panel> panels = new ArrayList<>();
        for (String metric : figure.y()) {
            List<LineChartSvg.Line> drawn = new ArrayList<>();
            lines.forEach((label, points) -> {
                List<CellSummary> sorted = points.stream().sorted(java.util.Comparator.comparingDouble(s -> x(s, figure.x()))).toList();
                double[] x = sorted.stream().mapToDouble(s -> x(s, figure.x())).toArray();
                double[] y = sorted.stream().mapToDouble(s -> s.metric(metric)).toArray();
                CellSummary.Rate[] rates = sorted.stream().map(s -> rate(s, metric)).toArray(CellSummary.Rate[]::new);
                boolean isRate = rates.length > 0 && rates[0] != null;
                drawn.add(new LineChartSvg.Line(label, x, y,
                        isRate ? java.util.Arrays.stream(rates).mapToDouble(CellSummary.Rate::low).toArray() : null,
                        isRate ? java.util.Arrays.stream(rates).mapToDouble(CellSummary.Rate::high).toArray() : null));
            });
            panels.add(new LineChartSvg.Panel(metric.replace('_', ' '), drawn, guides(metric, overAlpha, figure.alpha(), xMin, xMax)));
        }
        String xLabel = overAlpha ? "alpha" : figure.x() + String.format(Locale.ROOT, " (alpha = %s)", figure.alpha());
        return LineChartSvg.render(scenario.title(), xLabel, panels);
    }

    private static List<LineChartSvg.Guide> guides(String metric, boolean overAlpha, double alpha, double xMin, double xMax) {
        boolean rejection = metric.equals("nonempty_rate") || metric.equals("extra_rate");
        if (rejection && overAlpha) {
            return List.of(new LineChartSvg.Guide("y = alpha", new double[] {xMin, xMax}, new double[] {xMin, xMax}));
        }
        if (rejection) {
            return List.of(new LineChartSvg.Guide("alpha", new double[] {xMin, xMax}, new double[] {alpha, alpha}));
        }
        if (metric.equals("coverage")) {
            return overAlpha
                    ? List.of(new LineChartSvg.Guide("1 - alpha", new double[] {xMin, xMax}, new double[] {1 - xMin, 1 - xMax}))
                    : List.of(new LineChartSvg.Guide("1 - alpha", new double[] {xMin, xMax}, new double[] {1 - alpha, 1 - alpha}));
        }
        return List.of();
    }

    private static CellSummary.Rate rate(CellSummary s, String metric) {
        return switch (metric) {
            case "coverage" -> s.coverage();
            case "nonempty_rate" -> s.nonEmpty();
            case "extra_rate" -> s.extra();
            default -> null;
        };
    }

    private static double x(CellSummary s, String axis) {
        return axis.equals("alpha") ? s.alpha() : s.cell().parameter(axis);
    }

    private static String label(CoverageCell cell, List<String> series) {
        List<String> parts = new ArrayList<>();
        for (String p : series) {
            double v = cell.parameter(p);
            parts.add(p + " " + (v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v)));
        }
        return parts.isEmpty() ? "all" : String.join(", ", parts);
    }
}
