package dev.pedigree.cli;

import dev.pedigree.error.BadInputException;
import dev.pedigree.stats.DistanceMatrix;
import dev.pedigree.stats.DistanceMatrixCsv;
import dev.pedigree.stats.ProvenanceSet;
import dev.pedigree.stats.ProvenanceSetTest;
import dev.pedigree.blackbox.Decoding;
import dev.pedigree.blackbox.MatrixRequest;
import dev.pedigree.blackbox.Progress;
import dev.pedigree.blackbox.QueryableModels;
import dev.pedigree.blackbox.cache.OutputCache;
import dev.pedigree.blackbox.prompts.PromptSet;
import dev.pedigree.blackbox.prompts.ShippedPrompts;
import dev.pedigree.model.open.FormatWiring;
import dev.pedigree.model.open.ModelOpener;
import dev.pedigree.model.source.ModelLocator;
import dev.pedigree.model.source.SourceEnvironment;
import dev.pedigree.provenance.DefaultDistance;
import dev.pedigree.provenance.ProvenanceRun;
import dev.pedigree.signals.WeightAlignment;
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
 * ({@code --target} and {@code --candidates}), in which case every candidate whose weights can be read
 * is also compared with the target's weights and the report sets both side by side.
 */
@Command(name = "set", description = "Which candidates is the target derived from? The MPS sequential permutation test.")
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

    @Option(names = "--weight-permutations", defaultValue = "999", description = "permutations of each weight comparison (default: ${DEFAULT-VALUE})")
    int weightPermutations;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @ArgGroup(exclusive = true, multiplicity = "1")
    DistanceSource source;

    @Option(names = "--reference", arity = "1..*", paramLabel = "NAME",
            description = "models known to be unrelated to the target, kept in the pool, never in the set: names of matrix rows with --matrix, model specs with --target")
    List<String> references = new ArrayList<>();

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
        ProvenanceSetTest test = ProvenanceSetTest.withDefaults().withAlpha(alpha).withPermutations(permutations)
                .withRandom(seed).withThreads(threads);
        if (source.queries != null) {
            return queried(test);
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
        ProvenanceSet set = test.test(matrix, references);
        String rendered = output.format == OutputOptions.Format.json
                ? SetReport.json(set, file.toString())
                : SetReport.table(set, file.toString());
        spec.commandLine().getOut().print(rendered);
        spec.commandLine().getOut().flush();
        return failOnLink && !set.members().isEmpty() ? ExitCode.FOUND : ExitCode.DONE;
    }

    private int queried(ProvenanceSetTest test) {
        if (newTokens < 1 || weightPermutations < 1) {
            throw new BadInputException("--new-tokens and --weight-permutations must be at least 1");
        }
        PrintWriter err = spec.commandLine().getErr();
        PromptSet promptSet = PromptSet.load(ShippedPrompts.resolve(prompts));
        if (promptCount != null) {
            promptSet = promptSet.first(promptCount);
        }
        String chosen = distance != null ? distance : DefaultDistance.forTarget(source.queries.target, QueryableModels.Options.DEFAULT, err);
        List<String> pool = new ArrayList<>(source.queries.candidates);
        for (String r : references) {
            if (!pool.contains(r)) {
                pool.add(r);
            }
        }
        MatrixRequest request = new MatrixRequest(source.queries.target, pool, promptSet, chosen,
                new Decoding(newTokens, Decoding.DEFAULT.topTokens()), OutputCache.defaultDir(), QueryableModels.Options.DEFAULT,
                MatrixRequest.DEFAULT_SENTENCE_EMBEDDER);
        ModelOpener opener = new ModelOpener(new ModelLocator(SourceEnvironment.system(), err), FormatWiring.standard());
        ProvenanceRun.Result result = new ProvenanceRun(request, references, test,
                noWeights ? null : WeightAlignment.Settings.defaults(weightPermutations, seed), opener)
                .run(err, !quiet && Progress.terminalAttached());
        String where = "queries of " + source.queries.target + " on " + promptSet.name() + " (" + promptSet.size() + " prompts)";
        String rendered = output.format == OutputOptions.Format.json
                ? SetReport.json(result, where)
                : SetReport.table(result, where);
        spec.commandLine().getOut().print(rendered);
        spec.commandLine().getOut().flush();
        return failOnLink && !result.set().members().isEmpty() ? ExitCode.FOUND : ExitCode.DONE;
    }
}
