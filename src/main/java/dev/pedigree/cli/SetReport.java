package dev.pedigree.cli;

import dev.pedigree.blackbox.MeasuredDistances;
import dev.pedigree.provenance.ProvenanceRun;
import dev.pedigree.provenance.WeightEvidence;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pedigree.stats.ExclusionStep;
import dev.pedigree.stats.ProvenanceSet;
import dev.pedigree.stats.SetComparison;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the sets of {@code pedigree set}: a JSON document or a table for people. The headline set is the
 * one {@code --method} names; the other method's set on the same matrix and seed is printed beside it,
 * with an explanation for every candidate.
 */
final class SetReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SetReport() {
    }

    /**
     * Both runs of one matrix.
     *
     * @param headline     the run of {@code --method}
     * @param beside       the other method's run on the same matrix and seed
     * @param explanations every candidate's place in both sets
     * @param calibration  where the calibrated method's background came from: {@code pool} or {@code pairwise:…}
     */
    record Sets(ProvenanceSet headline, ProvenanceSet beside, Map<String, SetComparison.Candidate> explanations,
            String calibration) {
    }

    static String json(Sets sets, String source) {
        return write(tree(sets, source));
    }

    /** The sets from queried models, with the black-box summary and each candidate's weight evidence. */
    static String json(ProvenanceRun.Result result, Sets sets, String source) {
        ObjectNode root = tree(sets, source);
        MeasuredDistances d = result.distances();
        ObjectNode box = root.putObject("black_box");
        box.put("distance", d.distance()).put("target", d.target()).put("prompt_set_sha256", d.promptSetSha256())
                .put("prompts", d.values().length == 0 ? 0 : d.values()[0].length);
        ObjectNode means = box.putObject("mean_distance");
        double[] m = d.rowMeans();
        for (int i = 0; i < m.length; i++) {
            means.put(d.candidates().get(i), m[i]);
        }
        ObjectNode excluded = box.putObject("excluded");
        d.excluded().forEach(excluded::put);
        List<String> members = result.set().members().stream().map(ExclusionStep::model).toList();
        ArrayNode weights = root.putArray("weights");
        ArrayNode disagreements = root.putArray("disagreements");
        for (WeightEvidence w : result.weights()) {
            ObjectNode o = weights.addObject().put("candidate", w.candidate()).put("spec", w.spec()).put("in_set", members.contains(w.candidate()));
            if (w.compared()) {
                o.put("verdict", w.verdict()).put("p_value", w.pValue());
                ArrayNode ev = o.putArray("evidence");
                w.evidence().forEach(ev::add);
            } else {
                o.putNull("verdict").put("note", w.note());
            }
            if (w.disagreesWith(members.contains(w.candidate()))) {
                disagreements.add(disagreement(w, members.contains(w.candidate())));
            }
        }
        return write(root);
    }

    static String table(ProvenanceRun.Result result, Sets sets, String source) {
        StringBuilder out = new StringBuilder(table(sets, source));
        MeasuredDistances d = result.distances();
        out.append(String.format(Locale.ROOT, "%nblack box: %s distance, %d prompts (sha256 %s)%n", d.distance(),
                d.values().length == 0 ? 0 : d.values()[0].length, d.promptSetSha256().substring(0, 12)));
        double[] m = d.rowMeans();
        for (int i = 0; i < m.length; i++) {
            out.append(String.format(Locale.ROOT, "  %-32s mean distance %.4f%n", d.candidates().get(i), m[i]));
        }
        d.excluded().forEach((name, why) -> out.append(String.format(Locale.ROOT, "  excluded %s: %s%n", name, why)));
        if (!result.weights().isEmpty()) {
            List<String> members = result.set().members().stream().map(ExclusionStep::model).toList();
            out.append(String.format(Locale.ROOT, "%nweights (white box), beside the set:%n"));
            for (WeightEvidence w : result.weights()) {
                boolean member = members.contains(w.candidate());
                out.append(String.format(Locale.ROOT, "  %-32s %-8s %s%n", w.candidate(), member ? "in set" : "",
                        w.compared() ? String.format(Locale.ROOT, "%s (p = %.3g)", w.verdict(), w.pValue()) : w.note()));
                if (w.disagreesWith(member)) {
                    out.append("      DISAGREEMENT: ").append(disagreement(w, member)).append(System.lineSeparator());
                }
            }
        }
        return out.toString();
    }

    private static String disagreement(WeightEvidence w, boolean member) {
        return member
                ? w.candidate() + " is in the set by behaviour but its weights say unrelated: a distilled or re-trained model, or shared training data"
                : w.candidate() + " is outside the set but its weights say related: behaviour drifted (heavy fine-tuning) or too few prompts";
    }

    private static ObjectNode tree(Sets sets, String source) {
        ProvenanceSet set = sets.headline();
        ProvenanceSet beside = sets.beside();
        ObjectNode root = JSON.createObjectNode();
        root.put("method", set.method());
        root.put("calibration", sets.calibration());
        root.put("source", source);
        root.put("alpha", set.alpha());
        root.put("permutations", set.permutations());
        root.put("p_value_resolution", 1.0 / (set.permutations() + 1));
        root.put("seed", set.seed());
        root.put("tool_version", VersionProvider.toolVersion());
        root.put("stopped_because", set.stoppedBecause().label());
        Map<String, Double> scores = set.niScores();
        members(root.putArray("provenance_set"), set);
        ObjectNode byLevel = root.putObject("sets_by_alpha");
        set.setsByLevel().forEach((level, names) -> names.forEach(byLevel.putArray(level(level))::add));
        steps(root.putArray("steps"), set);
        ObjectNode other = root.putObject(beside.method().equals("mps") ? "paper_faithful" : beside.method());
        other.put("method", beside.method());
        members(other.putArray("provenance_set"), beside);
        steps(other.putArray("steps"), beside);
        other.put("stopped_because", beside.stoppedBecause().label());
        ObjectNode explained = root.putObject("explanation");
        sets.explanations().forEach((name, c) -> {
            ObjectNode e = explained.putObject(name);
            e.put("in_calibrated_set", c.inCalibrated()).put("in_paper_faithful_set", c.inPaperFaithful());
            if (Double.isFinite(c.backgroundZ())) {
                e.put("background_z", c.backgroundZ());
            } else {
                e.putNull("background_z");
            }
            e.put("text", c.explanation());
        });
        ObjectNode ni = root.putObject("ni_scores");
        scores.forEach((name, score) -> {
            if (score.isNaN()) {
                ni.putNull(name);
            } else {
                ni.put(name, score);
            }
        });
        ArrayNode untested = root.putArray("untested");
        untested(set).forEach(untested::add);
        ArrayNode references = root.putArray("references");
        set.references().forEach(references::add);
        return root;
    }

    private static void members(ArrayNode members, ProvenanceSet set) {
        Map<String, Double> scores = set.niScores();
        for (ExclusionStep s : set.members()) {
            members.addObject().put("model", s.model()).put("p_value", s.monotonePValue()).put("ni_score", scores.get(s.model()));
        }
    }

    /**
     * {@code t_statistic} is the step's statistic: the studentised centred mean for mps, the robust background
     * z for calibrated (both: smaller = nearer; the key keeps one name for both).
     */
    private static void steps(ArrayNode steps, ProvenanceSet set) {
        for (ExclusionStep s : set.steps()) {
            steps.addObject().put("step", s.number()).put("candidate", s.model()).put("is_reference", s.reference())
                    .put("pool_size", s.poolSize()).put("t_statistic", s.statistic()).put("p_value", s.pValue())
                    .put("monotone_p", s.monotonePValue());
        }
    }

    private static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a JSON tree", e);
        }
    }

    static String table(Sets sets, String source) {
        ProvenanceSet set = sets.headline();
        StringBuilder out = new StringBuilder();
        List<ExclusionStep> members = set.members();
        out.append(String.format(Locale.ROOT, "Provenance set (method %s, alpha %s): %s%n", set.method(), level(set.alpha()),
                members.isEmpty() ? "empty" : String.join(", ", members.stream().map(ExclusionStep::model).toList())));
        out.append(String.format(Locale.ROOT, "stopped because: %s%n", set.stoppedBecause().label().replace('_', ' ')));
        out.append(String.format(Locale.ROOT, "calibrated background: %s%n", sets.calibration()));
        untested(set).forEach(name -> out.append(String.format(Locale.ROOT,
                "%s could not be tested: without reference models a pool of one has nothing to compare with (add --reference)%n", name)));
        out.append(String.format(Locale.ROOT, "matrix %s; %d candidates, %d reference model%s; R = %d permutations (p resolution %.2g); seed %d%n%n",
                source, set.candidates().size(), set.references().size(), set.references().size() == 1 ? "" : "s", set.permutations(), 1.0 / (set.permutations() + 1), set.seed()));
        out.append(String.format(Locale.ROOT, "%4s  %-32s %5s %12s %10s %10s%n", "step", "nearest model", "pool",
                set.method().equals("mps") ? "t" : "z", "p", "monotone p"));
        for (ExclusionStep s : set.steps()) {
            out.append(String.format(Locale.ROOT, "%4d  %-32s %5d %12.4f %10.4g %10.4g%n", s.number(),
                    s.model() + (s.reference() ? " (ref)" : ""), s.poolSize(), s.statistic(), s.pValue(), s.monotonePValue()));
        }
        out.append(String.format(Locale.ROOT, "%nsets by alpha:%n"));
        set.setsByLevel().forEach((level, names) -> out.append(String.format(Locale.ROOT, "  %-6s %s%n", level(level),
                names.isEmpty() ? "(empty)" : String.join(", ", names))));
        out.append(String.format(Locale.ROOT, "%nNI-scores (-log10 p):%n"));
        set.niScores().forEach((name, score) -> out.append(String.format(Locale.ROOT, "  %-32s %s%n", name,
                score.isNaN() ? "untested" : String.format(Locale.ROOT, "%.3f", score))));
        List<ExclusionStep> other = sets.beside().members();
        out.append(String.format(Locale.ROOT, "%nBeside it, method %s at alpha %s: %s%n", sets.beside().method(),
                level(sets.beside().alpha()), other.isEmpty() ? "empty" : String.join(", ", other.stream().map(ExclusionStep::model).toList())));
        out.append(String.format(Locale.ROOT, "%nCandidate by candidate:%n"));
        sets.explanations().forEach((name, c) -> out.append(String.format(Locale.ROOT, "  %-32s %s%n", name, c.explanation())));
        return out.toString();
    }

    /** The candidate left alone when the set at α took every other one and no reference model was given. */
    private static List<String> untested(ProvenanceSet set) {
        return set.niScores().entrySet().stream().filter(e -> e.getValue().isNaN()).map(Map.Entry::getKey).toList();
    }

    /** A level as the shortest decimal that names it: 0.1, 0.05, 0.01. */
    static String level(double level) {
        return BigDecimal.valueOf(level).stripTrailingZeros().toPlainString();
    }
}
