package dev.pedigree.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pedigree.error.BadInputException;
import dev.pedigree.stats.baseline.MatchMatrixCsv;
import dev.pedigree.stats.baseline.NikolicProvenanceTest;
import dev.pedigree.stats.baseline.NikolicProvenanceTest.Comparison;
import dev.pedigree.stats.baseline.NikolicProvenanceTest.Result;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "baseline", description = "Nikolić et al. (2025) provenance test on a 0/1 next-token match matrix.")
final class BaselineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--matches", required = true, paramLabel = "M.csv",
            description = "one row per candidate: name, then 0/1 per prompt (optional header row 'candidate,…')")
    Path matches;

    @Option(names = "--alpha", defaultValue = "0.05", description = "family-wise level (default: ${DEFAULT-VALUE})")
    double alpha;

    @Option(names = "--max-prompts", defaultValue = "5000", description = "use at most the first N prompts (default: ${DEFAULT-VALUE})")
    int maxPrompts;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        if (output.format == OutputOptions.Format.html) {
            throw new BadInputException("--format html is not offered by baseline; use table or json");
        }
        Result r = NikolicProvenanceTest.withDefaults().withAlpha(alpha).withMaxPrompts(maxPrompts)
                .test(MatchMatrixCsv.read(matches));
        PrintWriter out = spec.commandLine().getOut();
        if (output.format == OutputOptions.Format.json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(r)));
        } else {
            table(r, out);
        }
        return ExitCode.DONE;
    }

    private static void table(Result r, PrintWriter out) {
        out.printf("best candidate  %s (match rate %.4f over %d prompts)%n", r.best(), r.bestMatchRate(), r.prompts());
        out.printf("decision        %s at alpha %s%n", r.decision(), r.alpha());
        if (r.comparisons().isEmpty()) {
            out.println("(a single candidate: nothing to compare it with)");
            return;
        }
        out.printf("%n%-24s %10s %-12s %12s %12s %12s %s%n", "versus", "rate", "test", "statistic", "p", "holm p", "significant");
        for (Comparison c : r.comparisons()) {
            out.printf("%-24s %10.4f %-12s %12.4g %12.4g %12.4g %s%n", c.candidate(), c.matchRate(), c.method(),
                    c.statistic(), c.pValue(), c.holmPValue(), c.significant() ? "yes" : "no");
        }
    }

    private static Map<String, Object> json(Result r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("test", "nikolic-2025");
        root.put("alpha", r.alpha());
        root.put("prompts", r.prompts());
        root.put("best", r.best());
        root.put("best_match_rate", r.bestMatchRate());
        root.put("decision", r.decision().name().toLowerCase(Locale.ROOT));
        root.put("parent", r.parent().orElse(null));
        List<Map<String, Object>> comparisons = r.comparisons().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("candidate", c.candidate());
            m.put("matches", c.matches());
            m.put("match_rate", c.matchRate());
            m.put("test", c.method() == NikolicProvenanceTest.Method.Z_TEST ? "z" : "fisher_exact");
            // JSON has no infinity or NaN: a degenerate Fisher odds ratio is written as null
            m.put("statistic", Double.isFinite(c.statistic()) ? c.statistic() : null);
            m.put("p_value", c.pValue());
            m.put("holm_p_value", c.holmPValue());
            m.put("significant", c.significant());
            return m;
        }).toList();
        root.put("comparisons", comparisons);
        return root;
    }
}
