package dev.pedigree.cli;

import dev.pedigree.compare.Calibration;
import dev.pedigree.compare.CompareSide;
import dev.pedigree.compare.ComparisonResult;
import dev.pedigree.compare.ModelComparison;
import dev.pedigree.model.open.FormatWiring;
import dev.pedigree.model.open.Model;
import dev.pedigree.model.open.ModelOpener;
import dev.pedigree.model.source.ModelLocator;
import dev.pedigree.model.source.SourceEnvironment;
import dev.pedigree.report.ModelSubjects;
import dev.pedigree.report.WeightComparisons;
import dev.pedigree.signals.ReadBudget;
import dev.pedigree.signals.WeightAlignment;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two models' weights: MPK's eight signals beside ours, and a verdict (related, unrelated, "
                + "inconclusive) decided by the weights alone, with a permutation-test p-value and the evidence per layer.")
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "a model: a directory, a weight file, hf:ORG/NAME[@REVISION] or maven:GROUP:ARTIFACT:VERSION")
    String modelA;

    @Parameters(index = "1", paramLabel = "B", description = "the other model")
    String modelB;

    @Mixin
    ReportOptions output = new ReportOptions();

    @Option(names = "--permutations", defaultValue = "999", description = "random relabellings per unit-group test (default: ${DEFAULT-VALUE}); "
            + "each group's p-value is at least 1/(N+1)")
    int permutations;

    @Option(names = "--seed", defaultValue = "1", description = "seed for the token sample and the relabellings (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--read-budget", defaultValue = "auto", paramLabel = "auto|all|SHARE",
            description = "how much of each model's tensor bytes the weight signals may read (default: ${DEFAULT-VALUE}: every layer "
                    + "of models up to 1 GiB, 10%% of larger ones, chosen layers spread evenly by depth; all: every layer; or a share "
                    + "such as 0.25 or 25%%). The evidence lists the layers compared and the bytes read")
    String readBudget;

    @Option(names = "--no-digest", negatable = false,
            description = "skip the content digests (they read every byte of both models once, then are cached); the CycloneDX BOM then has no hashes")
    boolean noDigest;

    @Override
    public Integer call() {
        if (permutations < 1) {
            throw new dev.pedigree.error.BadInputException("--permutations must be at least 1, not " + permutations);
        }
        if (modelA.equals(modelB)) {
            throw new dev.pedigree.error.BadInputException("A and B are the same model argument (" + modelA + ")");
        }
        ReadBudget budget = ReadBudget.parse(readBudget);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ModelOpener opener = new ModelOpener(new ModelLocator(SourceEnvironment.system(), err), FormatWiring.standard());
        try (Model a = opener.open(modelA); Model b = opener.open(modelB)) {
            WeightAlignment.Settings settings = WeightAlignment.Settings.defaults(permutations, seed).withReadBudget(budget);
            ModelComparison comparison = new ModelComparison(settings, Calibration.load(), msg -> {
                err.println("compare: " + msg);
                err.flush();
            });
            ComparisonResult r = comparison.run(CompareSide.of(modelA, a), CompareSide.of(modelB, b));
            if (!noDigest) {
                err.println("compare: content digests (cached after the first time)");
                err.flush();
            }
            return output.emit(WeightComparisons.report(r, ModelSubjects.of(a, "a", !noDigest), ModelSubjects.of(b, "b", !noDigest)), out);
        }
    }
}
