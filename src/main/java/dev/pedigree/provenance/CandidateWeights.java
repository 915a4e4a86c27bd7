package dev.pedigree.provenance;

import dev.pedigree.compare.Calibration;
import dev.pedigree.compare.CompareSide;
import dev.pedigree.compare.ComparisonResult;
import dev.pedigree.compare.ModelComparison;
import dev.pedigree.error.BadInputException;
import dev.pedigree.model.open.Model;
import dev.pedigree.model.open.ModelOpener;
import dev.pedigree.signals.WeightAlignment;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Weight comparisons of the target with each candidate whose weights can be read. A server
 * (http(s) spec) has none to read; a model whose files cannot be opened is reported with the reason.
 * The target is opened once.
 */
final class CandidateWeights {
    private CandidateWeights() {
    }

    /** @param specs candidate name → the spec it was given as, in report order */
    static List<WeightEvidence> compare(String targetSpec, Map<String, String> specs, ModelOpener opener,
                                        WeightAlignment.Settings settings, PrintWriter err) {
        List<WeightEvidence> out = new ArrayList<>();
        if (isServer(targetSpec)) {
            specs.forEach((name, spec) -> out.add(WeightEvidence.missing(name, spec, "the target is a server: no weights to read")));
            return out;
        }
        Model target;
        try {
            target = opener.open(targetSpec);
        } catch (BadInputException e) {
            specs.forEach((name, spec) -> out.add(WeightEvidence.missing(name, spec, "target weights not readable: " + e.getMessage())));
            return out;
        }
        try (target) {
            ModelComparison comparison = new ModelComparison(settings, Calibration.load(), msg -> { });
            for (Map.Entry<String, String> c : specs.entrySet()) {
                out.add(one(comparison, targetSpec, target, c.getKey(), c.getValue(), opener, err));
            }
        }
        return out;
    }

    private static WeightEvidence one(ModelComparison comparison, String targetSpec, Model target, String name, String spec,
                                      ModelOpener opener, PrintWriter err) {
        if (isServer(spec)) {
            return WeightEvidence.missing(name, spec, "a server: black-box evidence only");
        }
        err.println("set: comparing weights of " + name + " with the target");
        err.flush();
        try (Model candidate = opener.open(spec)) {
            ComparisonResult r = comparison.run(CompareSide.of(targetSpec, target), CompareSide.of(spec, candidate));
            return new WeightEvidence(name, spec, r.verdict().label(), r.pValue(),
                    r.evidence().subList(0, Math.min(3, r.evidence().size())), null);
        } catch (BadInputException e) {
            return WeightEvidence.missing(name, spec, "weights not readable: " + e.getMessage());
        }
    }

    private static boolean isServer(String spec) {
        return spec.startsWith("http://") || spec.startsWith("https://");
    }
}
