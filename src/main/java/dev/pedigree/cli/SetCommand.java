package dev.pedigree.cli;

import dev.pedigree.error.BadInputException;
import dev.pedigree.stats.DistanceMatrix;
import dev.pedigree.stats.DistanceMatrixCsv;
import dev.pedigree.stats.ProvenanceSet;
import dev.pedigree.stats.PairwiseDistances;
import dev.pedigree.stats.PairwiseDistancesCsv;
import dev.pedigree.stats.ProvenanceMethod;
import dev.pedigree.stats.ProvenanceSetTest;
import dev.pedigree.stats.SetComparison;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pedigree set}: the Model Provenance Set of a target among candidates. The distances come from
 * exactly one source; today that is a precomputed matrix ({@code --matrix}). Both methods run on the same
 * matrix with the same seed: the one {@code --method} names is the headline, the other is reported beside
 * it, and every candidate on which they disagree is explained.
 */
@Command(name = "set", description = "Which candidates is the target derived from? The provenance set: calibrated (default) "
        + "and the paper's MPS test beside it.")
final class SetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Where the distance matrix comes from: one of these options. */
    static final class DistanceSource {
        @Option(names = "--matrix", paramLabel = "L.csv", required = true,
                description = "CSV distance matrix: one row per model (name, then its distance on each prompt), optional header candidate,p1,p2,...")
        Path matrix;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    DistanceSource source;

    @Option(names = "--reference", arity = "1..*", paramLabel = "NAME",
            description = "models known to be unrelated to the target: kept in the pool, never in the set")
    List<String> references = new ArrayList<>();

    @Option(names = "--method", defaultValue = "calibrated", paramLabel = "calibrated|mps",
            description = "headline method: calibrated (null: no nearer than unrelated models are; background estimated from "
                    + "the pool) or mps (the paper's equal-distance null); the other is reported beside it (default: ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--pairwise", paramLabel = "P.csv",
            description = "candidate-to-candidate mean distances (square CSV, a row and a column per model of the matrix, same "
                    + "distance and prompts): the calibrated method then takes each candidate's background from them")
    Path pairwiseFile;

    @Option(names = "--alpha", defaultValue = "0.05", description = "level of the set (default: ${DEFAULT-VALUE})")
    double alpha;

    @Option(names = "--perms", defaultValue = "1000", description = "permutations R per step; p-values are multiples of 1/(R+1) (default: ${DEFAULT-VALUE})")
    int permutations;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the permutations, recorded in the report (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", description = "worker threads (default: all processors); results do not depend on it")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--fail-on-link", description = "exit with code 1 when the set is not empty")
    boolean failOnLink;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        if (!(alpha > 0 && alpha < 1)) {
            throw new BadInputException("--alpha " + alpha + ": must lie in (0, 1)");
        }
        if (permutations < 1) {
            throw new BadInputException("--perms " + permutations + ": at least 1 permutation is needed");
        }
        if (threads < 1) {
            throw new BadInputException("--threads " + threads + ": at least 1 thread is needed");
        }
        if (output.format == OutputOptions.Format.html) {
            throw new BadInputException("--format html: not available for pedigree set yet (use table or json)");
        }
        ProvenanceMethod headline;
        try {
            headline = ProvenanceMethod.named(method);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--method " + method + ": " + e.getMessage());
        }
        Path file = source.matrix;
        DistanceMatrix matrix = DistanceMatrixCsv.read(file);
        for (String name : references) {
            if (matrix.indexOf(name) < 0) {
                throw new BadInputException("--reference " + name + ": no such model in " + file);
            }
        }
        if (references.containsAll(matrix.names())) {
            throw new BadInputException("--reference: every model of " + file + " is a reference; nothing to test");
        }
        ProvenanceSetTest test = ProvenanceSetTest.withDefaults().withAlpha(alpha).withPermutations(permutations)
                .withRandom(seed).withThreads(threads);
        PairwiseDistances pairwise = null;
        if (pairwiseFile != null) {
            pairwise = PairwiseDistancesCsv.read(pairwiseFile);
            for (String name : matrix.names()) {
                if (!pairwise.names().contains(name)) {
                    throw new BadInputException("--pairwise " + pairwiseFile + ": no row for model " + name + " of " + file);
                }
            }
            test = test.withPairwise(pairwise);
        }
        ProvenanceSet set = test.withMethod(headline).test(matrix, references);
        ProvenanceMethod other = headline == ProvenanceMethod.CALIBRATED ? ProvenanceMethod.MPS : ProvenanceMethod.CALIBRATED;
        ProvenanceSet beside = test.withMethod(other).test(matrix, references);
        ProvenanceSet calibrated = headline == ProvenanceMethod.CALIBRATED ? set : beside;
        ProvenanceSet faithful = headline == ProvenanceMethod.CALIBRATED ? beside : set;
        Map<String, SetComparison.Candidate> explanations = SetComparison.explain(matrix, calibrated, faithful, pairwise);
        String rendered = output.format == OutputOptions.Format.json
                ? SetReport.json(set, beside, explanations, calibration(pairwise), file.toString())
                : SetReport.table(set, beside, explanations, calibration(pairwise), file.toString());
        spec.commandLine().getOut().print(rendered);
        spec.commandLine().getOut().flush();
        return failOnLink && !set.members().isEmpty() ? ExitCode.FOUND : ExitCode.DONE;
    }

    /** Where the calibrated method's background came from, as the report names it. */
    private String calibration(PairwiseDistances pairwise) {
        return pairwise != null ? "pairwise:" + pairwiseFile : "pool";
    }
}
