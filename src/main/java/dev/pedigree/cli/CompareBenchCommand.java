package dev.pedigree.cli;

import dev.pedigree.error.BadInputException;
import dev.pedigree.experiments.BenchPair;
import dev.pedigree.experiments.CompareBench;
import dev.pedigree.model.open.FormatWiring;
import dev.pedigree.model.open.ModelOpener;
import dev.pedigree.model.source.ModelLocator;
import dev.pedigree.model.source.SourceEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pedigree experiment compare-bench}: every labelled zoo pair and every pair of the real encoders through compare. */
@Command(name = "compare-bench", description = "Run compare on the zoo's labelled pairs and all pairs of the 11 Maven-hosted encoders; "
        + "append one CSV row per pair (pairs already in the CSV are skipped, so a run can be resumed).")
final class CompareBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--pairs", defaultValue = "all", description = "zoo, encoders or all (default: ${DEFAULT-VALUE})")
    String which;

    @Option(names = "--zoo", defaultValue = "experiments/zoo/build", description = "the built zoo folder (default: ${DEFAULT-VALUE}; "
            + "experiments/zoo/build.sh makes it)")
    Path zoo;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory for pairs.csv")
    Path out;

    @Option(names = "--threads", defaultValue = "1", description = "pairs compared at once (default: ${DEFAULT-VALUE}); "
            + "each compare already uses all cores for its matrix work")
    int threads;

    @Option(names = "--permutations", defaultValue = "999", description = "relabellings per unit-group test (default: ${DEFAULT-VALUE})")
    int permutations;

    @Option(names = "--seed", defaultValue = "1", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!List.of("zoo", "encoders", "all").contains(which)) {
            throw new BadInputException("--pairs must be zoo, encoders or all, not " + which);
        }
        if (threads < 1 || permutations < 1) {
            throw new BadInputException("--threads and --permutations must be at least 1");
        }
        ModelOpener opener = new ModelOpener(new ModelLocator(SourceEnvironment.system(), spec.commandLine().getErr()),
                FormatWiring.standard());
        List<BenchPair> pairs = CompareBench.pairs(which, zoo);
        int ran = new CompareBench(opener, permutations, seed, spec.commandLine().getErr()).run(pairs, out.resolve("pairs.csv"), threads);
        spec.commandLine().getOut().println(out.resolve("pairs.csv") + ": " + ran + " pairs compared");
        return ExitCode.DONE;
    }
}
