package dev.pedigree.cli;

import dev.pedigree.blackbox.Decoding;
import dev.pedigree.blackbox.MatrixRequest;
import dev.pedigree.blackbox.Progress;
import dev.pedigree.blackbox.QueryableModels;
import dev.pedigree.blackbox.cache.OutputCache;
import dev.pedigree.blackbox.prompts.PromptSet;
import dev.pedigree.blackbox.prompts.ShippedPrompts;
import dev.pedigree.error.BadInputException;
import dev.pedigree.model.open.FormatWiring;
import dev.pedigree.model.open.ModelOpener;
import dev.pedigree.model.source.ModelLocator;
import dev.pedigree.model.source.SourceEnvironment;
import dev.pedigree.provenance.DefaultDistance;
import dev.pedigree.provenance.MatrixRun;
import dev.pedigree.provenance.ProvenanceRun;
import dev.pedigree.report.ProvenanceSets;
import dev.pedigree.report.Report;
import dev.pedigree.signals.WeightAlignment;
import dev.pedigree.stats.ProvenanceMethod;
import dev.pedigree.stats.ProvenanceSetTest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pedigree set}: the Model Provenance Set of a target among candidates. The distances come from
 * exactly one source: a precomputed matrix ({@code --matrix}), or querying the models themselves
 * ({@code --target} and {@code --candidates}), in which case every local model's files are read once for
 * its format, digest and declared lineage, every candidate whose weights can be read is also compared with
 * the target's weights, and the report sets the declared lineage, the set and the weights side by side.
 *
 * <p>Both provenance methods run on the same matrix with the same seed: the one {@code --method} names is
 * the headline, the other is reported beside it, and every candidate is explained. The calibrated method
 * takes its background from candidate-to-candidate distances when it has them ({@code --pairwise} with a
 * matrix; measured from the models themselves with {@code --target}, unless {@code --no-pairwise}), and
 * from the target's own row otherwise.
 *
 * <p>The work is done in {@code provenance} ({@link MatrixRun}, {@link ProvenanceRun}); this class turns the
 * arguments into their inputs and renders the one report model like every other job, so {@code --fail-on link}
 * (or {@code set-member}) is how CI fails on a non-empty set.
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

        @ArgGroup(exclusive = false)
        Queries queries;
    }

    /** The models to query. */
    static final class Queries {
        @Option(names = "--target", required = true, paramLabel = "MODEL",
                description = "the model whose origin is in question: a directory, an .onnx file, maven:G:A:V, hf:ORG/NAME or http(s)://HOST/v1#MODEL")
        String target;

        @Option(names = "--candidates", required = true, arity = "1..*", paramLabel = "MODEL", description = "the candidate models")
        List<String> candidates;
    }

    @Option(names = "--prompts", defaultValue = "sentences-en", paramLabel = "FILE|NAME",
            description = "prompt set: a file (one prompt per line, UTF-8) or a shipped set name (sentences-en, code, random-tokens, facts-qa; default: ${DEFAULT-VALUE})")
    String prompts;

    @Option(names = "--prompt-count", paramLabel = "N", description = "use the first N prompts of the set (default: all)")
    Integer promptCount;

    @Option(names = "--distance", paramLabel = "NAME",
            description = "token, semantic, distribution, representation or centred-logits (default: representation for encoders, centred-logits for causal LMs)")
    String distance;

    @Option(names = "--new-tokens", defaultValue = "16", paramLabel = "K", description = "greedy tokens per prompt for causal LMs (default: ${DEFAULT-VALUE})")
    int newTokens;

    @Option(names = "--no-weights", description = "skip the weight comparison of each candidate")
    boolean noWeights;

    @Option(names = "--no-digest", negatable = false,
            description = "with --target: skip the content digests (they read every byte of each model once, then are cached); "
                    + "the CycloneDX BOM then has no hashes")
    boolean noDigest;

    @Option(names = "--weight-permutations", defaultValue = "999", description = "permutations of each weight comparison (default: ${DEFAULT-VALUE})")
    int weightPermutations;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @ArgGroup(exclusive = true, multiplicity = "1")
    DistanceSource source;

    @Option(names = "--reference", arity = "1..*", paramLabel = "NAME",
            description = "models known to be unrelated to the target, kept in the pool, never in the set: names of matrix rows with --matrix, model specs with --target")
    List<String> references = new ArrayList<>();

    @Option(names = "--method", defaultValue = "calibrated", paramLabel = "calibrated|mps",
            description = "headline method: calibrated (null: no nearer than unrelated models are; background estimated) "
                    + "or mps (the paper's equal-distance null); the other is reported beside it (default: ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--pairwise", paramLabel = "P.csv",
            description = "with --matrix: candidate-to-candidate mean distances (square CSV, a row and a column per model of the "
                    + "matrix, same distance and prompts); the calibrated method then takes each candidate's background from them")
    Path pairwiseFile;

    @Option(names = "--no-pairwise", description = "with --target: do not measure candidate-to-candidate distances (faster; the "
            + "calibrated background then comes from the target's row alone)")
    boolean noPairwise;

    @Option(names = "--alpha", defaultValue = "0.05", description = "level of the set (default: ${DEFAULT-VALUE})")
    double alpha;

    @Option(names = "--perms", defaultValue = "1000", description = "permutations R per step; p-values are multiples of 1/(R+1) (default: ${DEFAULT-VALUE})")
    int permutations;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the permutations, recorded in the report (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", description = "worker threads (default: all processors); results do not depend on it")
    int threads = Runtime.getRuntime().availableProcessors();

    @Mixin
    ReportOptions report = new ReportOptions();

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
        ProvenanceMethod headline;
        try {
            headline = ProvenanceMethod.named(method);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--method " + method + ": " + e.getMessage());
        }
        ProvenanceSetTest test = ProvenanceSetTest.withDefaults().withAlpha(alpha).withPermutations(permutations)
                .withRandom(seed).withThreads(threads);
        Report model;
        if (source.queries != null) {
            if (pairwiseFile != null) {
                throw new BadInputException("--pairwise goes with --matrix; with --target the candidate-to-candidate distances are measured");
            }
            model = queried(test, headline);
        } else {
            model = ProvenanceSets.matrix(new MatrixRun(source.matrix, pairwiseFile, references, test, headline).run());
        }
        return report.emit(model, spec.commandLine().getOut());
    }

    private Report queried(ProvenanceSetTest test, ProvenanceMethod headline) {
        if (newTokens < 1 || weightPermutations < 1) {
            throw new BadInputException("--new-tokens and --weight-permutations must be at least 1");
        }
        PrintWriter err = spec.commandLine().getErr();
        PromptSet promptSet = PromptSet.load(ShippedPrompts.resolve(prompts));
        if (promptCount != null) {
            promptSet = promptSet.first(promptCount);
        }
        String chosen = distance != null ? distance : DefaultDistance.forTarget(source.queries.target, err);
        MatrixRequest request = new MatrixRequest(source.queries.target, source.queries.candidates, promptSet, chosen,
                new Decoding(newTokens, Decoding.DEFAULT.topTokens()), OutputCache.defaultDir(), QueryableModels.Options.DEFAULT,
                MatrixRequest.DEFAULT_SENTENCE_EMBEDDER);
        ModelOpener opener = new ModelOpener(new ModelLocator(SourceEnvironment.system(), err), FormatWiring.standard());
        return ProvenanceSets.queried(new ProvenanceRun(request, references, test, headline, !noPairwise,
                noWeights ? null : WeightAlignment.Settings.defaults(weightPermutations, seed), !noDigest, opener)
                .run(err, !quiet && Progress.terminalAttached()));
    }
}
