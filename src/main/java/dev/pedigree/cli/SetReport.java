package dev.pedigree.cli;

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

/** Renders a {@link ProvenanceSet} for {@code pedigree set}: a JSON document or a table for people. */
final class SetReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SetReport() {
    }

    /**
     * @param set          the headline run ({@code --method})
     * @param beside       the other method's run on the same matrix and seed
     * @param explanations every candidate's place in both sets
     * @param calibration  the calibrated method's background: {@code pool} or {@code pairwise:FILE}
     */
    static String json(ProvenanceSet set, ProvenanceSet beside, Map<String, SetComparison.Candidate> explanations,
            String calibration, String source) {
        ObjectNode root = JSON.createObjectNode();
        root.put("method", set.method());
        root.put("calibration", calibration);
        root.put("source", source);
        root.put("alpha", set.alpha());
        root.put("permutations", set.permutations());
        root.put("p_value_resolution", 1.0 / (set.permutations() + 1));
        root.put("seed", set.seed());
        root.put("tool_version", VersionProvider.toolVersion());
        root.put("stopped_because", set.stoppedBecause().label());
        Map<String, Double> scores = set.niScores();
        members(root.putArray("provenance_set"), set);
        ObjectNode sets = root.putObject("sets_by_alpha");
        set.setsByLevel().forEach((level, names) -> names.forEach(sets.putArray(level(level))::add));
        steps(root.putArray("steps"), set);
        ObjectNode other = root.putObject(beside.method().equals("mps") ? "paper_faithful" : beside.method());
        other.put("method", beside.method());
        members(other.putArray("provenance_set"), beside);
        steps(other.putArray("steps"), beside);
        other.put("stopped_because", beside.stoppedBecause().label());
        ObjectNode explained = root.putObject("explanation");
        explanations.forEach((name, c) -> {
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
        try {
            return JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a JSON tree", e);
        }
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

    static String table(ProvenanceSet set, ProvenanceSet beside, Map<String, SetComparison.Candidate> explanations,
            String calibration, String source) {
        StringBuilder out = new StringBuilder();
        List<ExclusionStep> members = set.members();
        out.append(String.format(Locale.ROOT, "Provenance set (method %s, alpha %s): %s%n", set.method(), level(set.alpha()),
                members.isEmpty() ? "empty" : String.join(", ", members.stream().map(ExclusionStep::model).toList())));
        out.append(String.format(Locale.ROOT, "stopped because: %s%n", set.stoppedBecause().label().replace('_', ' ')));
        out.append(String.format(Locale.ROOT, "calibrated background: %s%n", calibration));
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
        List<ExclusionStep> other = beside.members();
        out.append(String.format(Locale.ROOT, "%nBeside it, method %s at alpha %s: %s%n", beside.method(), level(beside.alpha()),
                other.isEmpty() ? "empty" : String.join(", ", other.stream().map(ExclusionStep::model).toList())));
        out.append(String.format(Locale.ROOT, "%nCandidate by candidate:%n"));
        explanations.forEach((name, c) -> out.append(String.format(Locale.ROOT, "  %-32s %s%n", name, c.explanation())));
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
