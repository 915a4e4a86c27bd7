package dev.pedigree.provenance;

import dev.pedigree.blackbox.QueryableModels;
import dev.pedigree.compare.Calibration;
import dev.pedigree.compare.CompareSide;
import dev.pedigree.compare.ComparisonResult;
import dev.pedigree.compare.ModelComparison;
import dev.pedigree.error.BadInputException;
import dev.pedigree.model.open.Model;
import dev.pedigree.model.open.ModelDescription;
import dev.pedigree.model.open.ModelOpener;
import dev.pedigree.signals.WeightAlignment;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the queried models' own files say, each local model opened once: its format, content digest and
 * declared lineage (what the report sets beside the evidence), and for a candidate its weights compared with
 * the target's. The target stays open while the others are opened one at a time. A server (http(s) spec)
 * has no files; a model whose files cannot be opened is described as unreadable and the reason kept.
 */
final class ModelFiles {
    private ModelFiles() {
    }

    /**
     * What was read.
     *
     * @param descriptions every model by its name in the matrix: the target first, then candidates and references
     * @param weights      one entry per candidate when weights were compared, empty otherwise
     * @param unreadable   name → why its files could not be opened
     */
    record Result(Map<String, ModelDescription> descriptions, List<WeightEvidence> weights, Map<String, String> unreadable) {
    }

    /**
     * @param candidates name → spec of each candidate, in report order
     * @param references name → spec of each reference model (described, never compared)
     * @param digests    whether to compute content digests (cached)
     * @param settings   the weight comparison's settings, or null to compare no weights
     */
    static Result read(String targetName, String targetSpec, Map<String, String> candidates, Map<String, String> references,
            ModelOpener opener, boolean digests, WeightAlignment.Settings settings, PrintWriter err) {
        Reading reading = new Reading(opener, digests, settings, err);
        reading.readTarget(targetName, targetSpec);
        try {
            candidates.forEach((name, spec) -> reading.read(name, spec, true));
            references.forEach((name, spec) -> reading.read(name, spec, false));
        } finally {
            if (reading.target != null) {
                reading.target.close();
            }
        }
        return new Result(reading.descriptions, reading.weights, reading.unreadable);
    }

    /** One pass over the models: the open target, what has been read so far, and why a comparison cannot run. */
    private static final class Reading {
        private final ModelOpener opener;
        private final boolean digests;
        private final ModelComparison comparison;
        private final PrintWriter err;
        private final Map<String, ModelDescription> descriptions = new LinkedHashMap<>();
        private final List<WeightEvidence> weights = new ArrayList<>();
        private final Map<String, String> unreadable = new LinkedHashMap<>();
        private String targetSpec;
        private Model target;
        private String noTarget;

        Reading(ModelOpener opener, boolean digests, WeightAlignment.Settings settings, PrintWriter err) {
            this.opener = opener;
            this.digests = digests;
            this.comparison = settings == null ? null : new ModelComparison(settings, Calibration.load(), msg -> { });
            this.err = err;
        }

        void readTarget(String name, String spec) {
            targetSpec = spec;
            if (QueryableModels.isServer(spec)) {
                descriptions.put(name, ModelDescription.server(spec));
                noTarget = "the target is a server: no weights to read";
                return;
            }
            try {
                target = opener.open(spec);
                descriptions.put(name, target.describe(digests));
            } catch (BadInputException e) {
                if (target != null) {
                    target.close();
                    target = null;
                }
                descriptions.put(name, ModelDescription.unreadable(spec));
                unreadable.put(name, e.getMessage());
                noTarget = "target weights not readable: " + e.getMessage();
            }
        }

        void read(String name, String spec, boolean candidate) {
            boolean compare = candidate && comparison != null;
            if (QueryableModels.isServer(spec)) {
                descriptions.put(name, ModelDescription.server(spec));
                if (compare) {
                    weights.add(WeightEvidence.missing(name, spec, "a server: black-box evidence only"));
                }
                return;
            }
            try (Model model = opener.open(spec)) {
                descriptions.put(name, model.describe(digests));
                if (compare && target == null) {
                    weights.add(WeightEvidence.missing(name, spec, noTarget));
                } else if (compare) {
                    err.println("set: comparing weights of " + name + " with the target");
                    err.flush();
                    ComparisonResult r = comparison.run(CompareSide.of(targetSpec, target), CompareSide.of(spec, model));
                    weights.add(new WeightEvidence(name, spec, r.verdict().label(), r.pValue(),
                            r.evidence().subList(0, Math.min(3, r.evidence().size())), null, r));
                }
            } catch (BadInputException e) {
                // described before the comparison failed: the files were read, only the comparison was not
                if (descriptions.putIfAbsent(name, ModelDescription.unreadable(spec)) == null) {
                    unreadable.put(name, e.getMessage());
                }
                if (compare) {
                    weights.add(WeightEvidence.missing(name, spec, "weights not readable: " + e.getMessage()));
                }
            }
        }
    }
}
