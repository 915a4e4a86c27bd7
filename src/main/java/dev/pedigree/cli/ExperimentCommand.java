package dev.pedigree.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pedigree experiment}: runs the experiments whose results live under {@code experiments/}. */
@Command(name = "experiment", description = "Run an experiment and write its results (CSV, SVG).",
        subcommands = {CoverageSimCommand.class, CompareBenchCommand.class, CoverageRealCommand.class})
final class ExperimentCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
