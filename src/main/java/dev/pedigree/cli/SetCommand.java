package dev.pedigree.cli;

import dev.pedigree.error.BadInputException;
import dev.pedigree.stats.DistanceMatrix;
import dev.pedigree.stats.DistanceMatrixCsv;
import dev.pedigree.stats.PairwiseDistances;
import dev.pedigree.stats.PairwiseDistancesCsv;
import dev.pedigree.stats.ProvenanceMethod;
import dev.pedigree.stats.ProvenanceSet;
import dev.pedigree.stats.ProvenanceSetTest;
import dev.pedigree.stats.SetComparison;
import dev.pedigree.blackbox.Decoding;
import dev.pedigree.blackbox.MatrixRequest;
import dev.pedigree.blackbox.MeasuredDistances;
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
import dev.pedigree.report.ProvenanceSets;
import dev.pedigree.report.Report;
import dev.pedigree.report.Subject;
import java.io.PrintWriter;
import java.util.Map;
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
 * exactly one source: a precomputed matrix ({@code --matrix}), or querying the models themselves
 * ({@code --target} and {@code --candidates}), in which case every candidate whose weights can be read
 * is also compared with the target's weights and the report sets both side by side.
 *
 * <p>Both provenance methods run on the same matrix with the same seed: the one {@code --method} names is
 * the headline, the other is reported beside it, and every candidate is explained. The calibrated method
 * takes its background from candidate-to-candidate distances when it has them ({@code --pairwise} with a
 * matrix; measured from the models themselves with {@code --target}, unless {@code --no-pairwise}), and
 * from the target's own row otherwise.
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

    @Option(names = "--fail-on-link", description = "exit with code 1 when the set is not empty")
    boolean failOnLink;

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
        if (source.queries != null) {
            if (pairwiseFile != null) {
                throw new BadInputException("--pairwise goes with --matrix; with --target the candidate-to-candidate distances are measured");
            }
            return queried(test, headline);
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
        PairwiseDistances pairwise = null;
        if (pairwiseFile != null) {
            pairwise = PairwiseDistancesCsv.read(pairwiseFile);
            for (String name : matrix.names()) {
                if (!pairwise.names().contains(name)) {
                    throw new BadInputException("--pairwise " + pairwiseFile + ": no row for model " + name + " of " + file);
                }
            }
        }
        SetReport.Sets sets = bothSets(test, headline, matrix, references, null, pairwise,
                pairwise != null ? "pairwise:" + pairwiseFile : "pool");
        int linkExit = failOnLink && !sets.headline().members().isEmpty() ? ExitCode.FOUND : ExitCode.DONE;
        if (!report.plainOnly()) {
            Report model = ProvenanceSets.matrix(sets.headline(), matrix, "target", file.toString(), besideNotes(sets));
            if (report.format() == OutputOptions.Format.html) {
                return Math.max(linkExit, report.emit(model, spec.commandLine().getOut()));
            }
            linkExit = Math.max(linkExit, report.writeFiles(model));
        }
        String rendered = report.format() == OutputOptions.Format.json
                ? SetReport.json(sets, file.toString())
                : SetReport.table(sets, file.toString());
        spec.commandLine().getOut().print(rendered);
        spec.commandLine().getOut().flush();
        return linkExit;
    }

    /**
     * Runs the methods the caller has not run yet on one matrix and explains every candidate.
     *
     * @param faithful the paper-faithful run when already done (the queried path), or null
     */
    private static SetReport.Sets bothSets(ProvenanceSetTest test, ProvenanceMethod headline, DistanceMatrix matrix,
            List<String> references, ProvenanceSet faithful, PairwiseDistances pairwise, String calibration) {
        ProvenanceSetTest calibratedTest = test.withMethod(ProvenanceMethod.CALIBRATED);
        if (pairwise != null) {
            calibratedTest = calibratedTest.withPairwise(pairwise);
        }
        ProvenanceSet calibrated = calibratedTest.test(matrix, references);
        ProvenanceSet paper = faithful != null ? faithful : test.withMethod(ProvenanceMethod.MPS).test(matrix, references);
        Map<String, SetComparison.Candidate> explanations = SetComparison.explain(matrix, calibrated, paper, pairwise);
        return headline == ProvenanceMethod.CALIBRATED
                ? new SetReport.Sets(calibrated, paper, explanations, calibration)
                : new SetReport.Sets(paper, calibrated, explanations, calibration);
    }

    private int queried(ProvenanceSetTest test, ProvenanceMethod headline) {
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
        ProvenanceRun.Result faithfulRun = new ProvenanceRun(request, references, test.withMethod(ProvenanceMethod.MPS),
                noWeights ? null : WeightAlignment.Settings.defaults(weightPermutations, seed), opener)
                .run(err, !quiet && Progress.terminalAttached());
        MeasuredDistances measured = faithfulRun.distances();
        DistanceMatrix matrix = new DistanceMatrix(measured.candidates(), measured.values());
        PairwiseDistances pairwise = noPairwise ? null
                : request.measurePairwise(measured.candidates().stream().map(measured.specs()::get).toList(), err);
        SetReport.Sets sets = bothSets(test, headline, matrix, faithfulRun.referenceNames(), faithfulRun.set(), pairwise,
                pairwise != null ? "pairwise:measured" : "pool");
        ProvenanceRun.Result result = new ProvenanceRun.Result(sets.headline(), measured, faithfulRun.referenceNames(),
                faithfulRun.weights());
        String where = "queries of " + source.queries.target + " on " + promptSet.name() + " (" + promptSet.size() + " prompts)";
        int linkExit = failOnLink && !result.set().members().isEmpty() ? ExitCode.FOUND : ExitCode.DONE;
        if (!report.plainOnly()) {
            List<Subject> subjects = new ArrayList<>();
            subjects.add(new Subject(measured.target(), "target", null, null, null));
            measured.candidates().forEach(n -> subjects.add(new Subject(n,
                    result.referenceNames().contains(n) ? "reference" : "candidate", null, null, null)));
            Report model = ProvenanceSets.queried(result, subjects, Map.of(), besideNotes(sets));
            if (report.format() == OutputOptions.Format.html) {
                return Math.max(linkExit, report.emit(model, spec.commandLine().getOut()));
            }
            linkExit = Math.max(linkExit, report.writeFiles(model));
        }
        String rendered = report.format() == OutputOptions.Format.json
                ? SetReport.json(result, sets, where)
                : SetReport.table(result, sets, where);
        spec.commandLine().getOut().print(rendered);
        spec.commandLine().getOut().flush();
        return linkExit;
    }

    /** The paper-faithful set, written beside the headline one in the shared report. */
    private static List<String> besideNotes(SetReport.Sets sets) {
        if (sets.beside() == null) {
            return List.of();
        }
        List<String> names = sets.beside().members().stream().map(s -> s.model()).toList();
        return List.of("provenance set of method " + sets.headline().method() + " above; the paper-faithful method "
                + sets.beside().method() + " gives " + (names.isEmpty() ? "an empty set" : String.join(", ", names))
                + " (the table and JSON outputs explain each difference)");
    }
}
