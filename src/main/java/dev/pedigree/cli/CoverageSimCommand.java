package dev.pedigree.cli;

import dev.pedigree.error.BadInputException;
import dev.pedigree.experiments.CoverageRun;
import dev.pedigree.experiments.CoverageScenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pedigree experiment coverage-sim}: the simulated coverage of the MPS test for one scenario. */
@Command(name = "coverage-sim", description = "Simulate pools L = b_t + mu_i + sigma_i*eps and measure coverage, set size and null rejection rates.")
final class CoverageSimCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "SCENARIO.json", description = "the scenario (see experiments/coverage-sim/)")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory for <name>-replicates.csv, <name>-summary.csv, <name>.svg")
    Path out;

    @Option(names = "--threads", description = "worker threads (default: all processors); results do not depend on it")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--replot", description = "only re-draw the SVG from the summary CSV already in --out")
    boolean replot;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (threads < 1) {
            throw new BadInputException("--threads " + threads + ": at least 1 thread is needed");
        }
        CoverageScenario scenario = CoverageScenario.read(config);
        if (replot) {
            spec.commandLine().getOut().println(CoverageRun.replot(scenario, out));
            return ExitCode.DONE;
        }
        CoverageRun.run(scenario, out, threads, spec.commandLine().getErr()).forEach(spec.commandLine().getOut()::println);
        return ExitCode.DONE;
    }
}
