package dev.pedigree.experiments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes a scenario's results: {@code <name>-replicates.csv} (one row per pool) and {@code <name>-summary.csv}. */
final class CoverageCsv {
    private static final String CELL = "scenario,cell,candidates,prompts,sources,depth,sigma_spread,tau,advantage,permutations,method";

    private CoverageCsv() {
    }

    static void writeReplicates(Path file, CoverageScenario scenario, List<ReplicateOutcome> outcomes) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder header = new StringBuilder(CELL + ",replicate,test_seed,steps,first_p");
        for (double a : scenario.alphas()) {
            header.append(",size_at_").append(a).append(",sources_in_at_").append(a);
        }
        lines.add(header.toString());
        for (ReplicateOutcome r : outcomes) {
            StringBuilder line = new StringBuilder(cell(scenario, r.cell()));
            line.append(String.format(Locale.ROOT, ",%d,%d,%d,%.6g", r.replicate(), r.testSeed(), r.steps(), r.firstP()));
            for (int a = 0; a < scenario.alphas().size(); a++) {
                line.append(',').append(r.setSize()[a]).append(',').append(r.sourcesIn()[a]);
            }
            lines.add(line.toString());
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    static void writeSummary(Path file, CoverageScenario scenario, List<CellSummary> summaries) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(CELL + ",alpha,replicates,coverage,coverage_lo,coverage_hi,mean_size,mean_extra,"
                + "nonempty_rate,nonempty_lo,nonempty_hi,extra_rate,extra_lo,extra_hi");
        for (CellSummary s : summaries) {
            lines.add(String.format(Locale.ROOT, "%s,%s,%d,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f",
                    cell(scenario, s.cell()), s.alpha(), s.replicates(), s.coverage().value(), s.coverage().low(), s.coverage().high(),
                    s.meanSize(), s.meanExtra(), s.nonEmpty().value(), s.nonEmpty().low(), s.nonEmpty().high(),
                    s.extra().value(), s.extra().low(), s.extra().high()));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** Reads back what {@link #writeSummary} wrote (for re-drawing a figure without simulating again). */
    static List<CellSummary> readSummary(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.getFirst().split(","));
        List<CellSummary> summaries = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            java.util.function.ToDoubleFunction<String> col = name -> Double.parseDouble(f[header.indexOf(name)]);
            int n = (int) col.applyAsDouble("replicates");
            CoverageCell cell = new CoverageCell((int) col.applyAsDouble("cell"), (int) col.applyAsDouble("candidates"),
                    (int) col.applyAsDouble("prompts"), (int) col.applyAsDouble("sources"), (int) col.applyAsDouble("depth"),
                    col.applyAsDouble("sigma_spread"), col.applyAsDouble("tau"), col.applyAsDouble("advantage"));
            summaries.add(new CellSummary(cell, col.applyAsDouble("alpha"), n,
                    rate(col, n, "coverage", "coverage_lo", "coverage_hi"), col.applyAsDouble("mean_size"),
                    col.applyAsDouble("mean_extra"), rate(col, n, "nonempty_rate", "nonempty_lo", "nonempty_hi"),
                    rate(col, n, "extra_rate", "extra_lo", "extra_hi")));
        }
        return summaries;
    }

    private static CellSummary.Rate rate(java.util.function.ToDoubleFunction<String> col, int n, String value, String low, String high) {
        double v = col.applyAsDouble(value);
        return new CellSummary.Rate((int) Math.round(v * n), n, v, col.applyAsDouble(low), col.applyAsDouble(high));
    }

    private static String cell(CoverageScenario scenario, CoverageCell c) {
        return String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%d,%s,%s,%.6g,%d,%s", scenario.name(), c.index(), c.candidates(), c.prompts(),
                c.sources(), c.depth(), c.sigmaSpread(), c.tau(), c.advantage(), scenario.permutations(),
                scenario.provenanceMethod().label());
    }
}
