package dev.pedigree.cli;

import dev.pedigree.bench.Benchmark;
import dev.pedigree.bench.Benchmarks;
import dev.pedigree.error.BadInputException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", description = "Run the named benchmarks (all when none is named); lists them with --list.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "NAME")
    List<String> names = List.of();

    @picocli.CommandLine.Option(names = "--list", description = "list the benchmarks and exit")
    boolean list;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            for (Benchmark b : Benchmarks.all()) {
                out.printf("%-24s %s%n", b.name(), b.description());
            }
            return ExitCode.DONE;
        }
        for (Benchmark b : Benchmarks.all()) {
            if (names.isEmpty() || names.contains(b.name())) {
                out.println("== " + b.name() + ": " + b.description());
                b.run(out);
                out.flush();
            }
        }
        for (String n : names) {
            if (Benchmarks.all().stream().noneMatch(b -> b.name().equals(n))) {
                throw new BadInputException("no benchmark named " + n + " (see pedigree bench --list)");
            }
        }
        return ExitCode.DONE;
    }
}
