package dev.pedigree.experiments;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs a scenario and writes its replicate CSV, summary CSV and SVG figure into a directory. */
public final class CoverageRun {
    private CoverageRun() {
    }

    /** @return the files written */
    public static List<Path> run(CoverageScenario scenario, Path dir, int threads, PrintWriter progress)
            throws IOException, InterruptedException {
        List<ReplicateOutcome> outcomes = new CoverageSimulation(scenario, threads).run(progress);
        List<CellSummary> summaries = CellSummary.of(outcomes, scenario.alphas());
        Files.createDirectories(dir);
        Path replicates = dir.resolve(scenario.name() + "-replicates.csv");
        Path summary = dir.resolve(scenario.name() + "-summary.csv");
        Path figure = dir.resolve(scenario.name() + ".svg");
        CoverageCsv.writeReplicates(replicates, scenario, outcomes);
        CoverageCsv.writeSummary(summary, scenario, summaries);
        Files.writeString(figure, CoverageFigure.render(scenario, summaries), StandardCharsets.UTF_8);
        return List.of(replicates, summary, figure);
    }

    /** Re-draws the figure from the summary CSV a previous run left in {@code dir}; simulates nothing. */
    public static Path replot(CoverageScenario scenario, Path dir) throws IOException {
        Path summary = dir.resolve(scenario.name() + "-summary.csv");
        if (!Files.isRegularFile(summary)) {
            throw new dev.pedigree.error.BadInputException(summary + ": no summary to re-draw (run the scenario first)");
        }
        Path figure = dir.resolve(scenario.name() + ".svg");
        Files.writeString(figure, CoverageFigure.render(scenario, CoverageCsv.readSummary(summary)), StandardCharsets.UTF_8);
        return figure;
    }
}
