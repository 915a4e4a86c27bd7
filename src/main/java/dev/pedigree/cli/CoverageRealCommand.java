package dev.pedigree.cli;

import dev.pedigree.blackbox.cache.OutputCache;
import dev.pedigree.blackbox.distance.PromptDistances;
import dev.pedigree.blackbox.prompts.ShippedPrompts;
import dev.pedigree.error.BadInputException;
import dev.pedigree.experiments.CoverageRealRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pedigree experiment coverage-real}: coverage and size of the provenance sets on the built zoo's tasks. */
@Command(name = "coverage-real", description = "Run the provenance-set methods on every task of a built zoo (tasks.json, lineage.json, "
        + "models/) for each distance and prompt count; write tasks.csv, members.csv, summary.csv, breakdown.csv, ranking.csv "
        + "and SVG figures.")
final class CoverageRealCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--zoo", required = true, paramLabel = "DIR", description = "the built zoo (models/, tasks.json, lineage.json)")
    Path zoo;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory for the CSV files and figures")
    Path out;

    @Option(names = "--methods", split = ",", defaultValue = "mps",
            description = "methods, comma-separated (default: ${DEFAULT-VALUE}; any of mps, calibrated (background from the measured "
                    + "candidate-to-candidate distances), calibrated-pool (background from the target's row alone))")
    List<String> methods;

    @Option(names = "--distances", split = ",", defaultValue = "centred-logits,token",
            description = "distances, comma-separated (default: ${DEFAULT-VALUE}; any of token, semantic, distribution, representation, centred-logits)")
    List<String> distances;

    @Option(names = "--prompts", defaultValue = "sentences-en", paramLabel = "FILE|NAME", description = "prompt set (default: ${DEFAULT-VALUE})")
    String prompts;

    @Option(names = "--max-prompts", defaultValue = "200", paramLabel = "N",
            description = "prompts queried per model; the reported N are 50, 100, 200, 400 up to it (default: ${DEFAULT-VALUE})")
    int maxPrompts;

    @Option(names = "--perms", defaultValue = "999", description = "permutations per test (default: ${DEFAULT-VALUE})")
    int permutations;

    @Option(names = "--seed", defaultValue = "20261123", description = "permutation seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--cache", paramLabel = "DIR", description = "model-output cache (default: the user cache of pedigree set)")
    Path cache;

    @Override
    public Integer call() throws IOException {
        for (String d : distances) {
            if (!PromptDistances.NAMES.contains(d)) {
                throw new BadInputException("--distances: no distance " + d + " (one of " + String.join(", ", PromptDistances.NAMES) + ")");
            }
        }
        CoverageRealRun.Settings settings = new CoverageRealRun.Settings(zoo, out,
                methods.stream().map(CoverageRealRun.Method::named).distinct().toList(), distances, ShippedPrompts.resolve(prompts), maxPrompts,
                List.of(0.01, 0.05, 0.1), permutations, seed, cache != null ? cache : OutputCache.defaultDir());
        CoverageRealRun.run(settings, spec.commandLine().getErr()).forEach(spec.commandLine().getOut()::println);
        return ExitCode.DONE;
    }
}
