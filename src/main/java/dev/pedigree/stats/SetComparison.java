package dev.pedigree.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Why the calibrated set and the paper-faithful set differ, candidate by candidate. Both runs see the
 * same matrix; the difference is only in the null each step tests. A candidate's background position
 * is its robust z ({@link RobustBackground}) in the pool of the calibrated run's step that took it, or
 * — for a candidate the calibrated set left out — in the pool of the step that stopped that run.
 */
public final class SetComparison {
    private SetComparison() {
    }

    /**
     * One candidate's place in both sets.
     *
     * @param model            the candidate
     * @param inCalibrated     member of the calibrated set at its α
     * @param inPaperFaithful  member of the paper-faithful (MPS) set at its α
     * @param backgroundZ      robust z against the background of unrelated distances (see the class comment)
     * @param explanation      one sentence for people
     */
    public record Candidate(String model, boolean inCalibrated, boolean inPaperFaithful, double backgroundZ,
            String explanation) {
    }

    /**
     * @param matrix     the matrix both runs tested
     * @param calibrated the calibrated run
     * @param faithful   the paper-faithful run
     * @param pairwise   the candidate-to-candidate distances the calibrated run used, or null
     */
    public static Map<String, Candidate> explain(DistanceMatrix matrix, ProvenanceSet calibrated, ProvenanceSet faithful,
            PairwiseDistances pairwise) {
        Map<String, ExclusionStep> calibratedMembers = byModel(calibrated.members());
        Map<String, ExclusionStep> faithfulMembers = byModel(faithful.members());
        Map<String, Double> restZ = stoppingPoolZ(matrix, calibrated, pairwise);
        Map<String, Candidate> out = new LinkedHashMap<>();
        for (String model : calibrated.candidates()) {
            ExclusionStep c = calibratedMembers.get(model);
            ExclusionStep f = faithfulMembers.get(model);
            double z = c != null ? c.statistic() : restZ.getOrDefault(model, Double.NaN);
            out.put(model, new Candidate(model, c != null, f != null, z, sentence(calibrated, faithful, c, f, z)));
        }
        return out;
    }

    private static String sentence(ProvenanceSet calibrated, ProvenanceSet faithful, ExclusionStep c, ExclusionStep f, double z) {
        String cal = c == null ? null : String.format(Locale.ROOT, "calibrated step %d: %.2f background SDs below the typical "
                + "unrelated distance, p = %.4g", c.number(), -c.statistic(), c.monotonePValue());
        String mps = f == null ? null : String.format(Locale.ROOT, "paper-faithful step %d: nearer than the rest of the pool, "
                + "t = %.2f, p = %.4g", f.number(), f.statistic(), f.monotonePValue());
        if (c != null && f != null) {
            return "in both sets (" + cal + "; " + mps + ")";
        }
        if (c != null) {
            return "calibrated set only (" + cal + "); the paper-faithful run " + stop(faithful) + " before reaching it";
        }
        if (f != null) {
            return String.format(Locale.ROOT, "paper-faithful set only (%s): its mean distance differs from the pool's, but by "
                    + "no more than unrelated models differ from one another (robust z %.2f against the background of the "
                    + "calibrated run's last pool; that run %s)", mps, z, stop(calibrated));
        }
        return String.format(Locale.ROOT, "in neither set (robust z %.2f against the background of unrelated distances)", z);
    }

    private static String stop(ProvenanceSet set) {
        List<ExclusionStep> members = set.members();
        if (members.size() < set.steps().size()) {
            ExclusionStep s = set.steps().get(members.size());
            return String.format(Locale.ROOT, "stopped at step %d (%s, p = %.4g)", s.number(), set.stoppedBecause().label().replace('_', ' '),
                    s.monotonePValue());
        }
        return "stopped: " + set.stoppedBecause().label().replace('_', ' ');
    }

    /** Robust z of every model left in the pool when the calibrated run stopped (its set removed). */
    private static Map<String, Double> stoppingPoolZ(DistanceMatrix matrix, ProvenanceSet calibrated, PairwiseDistances pairwise) {
        List<String> removed = calibrated.members().stream().map(ExclusionStep::model).toList();
        Map<String, Double> z = new LinkedHashMap<>();
        if (pairwise != null) {
            PairwiseBackground background = PairwiseBackground.fit(pairwise.alignedTo(matrix.names()));
            int[] rest = IntStream.range(0, matrix.models()).filter(i -> !removed.contains(matrix.names().get(i))).toArray();
            if (rest.length < 2) {
                return z;
            }
            double[][] rows = Arrays.stream(rest).mapToObj(i -> matrix.rows()[i]).toArray(double[][]::new);
            double[] studentised = PairwiseCalibratedStep.z(background, rest, rows);
            for (int k = 0; k < rest.length; k++) {
                z.put(matrix.names().get(rest[k]), studentised[k]);
            }
            return z;
        }
        List<String> names = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < matrix.models(); i++) {
            if (!removed.contains(matrix.names().get(i))) {
                names.add(matrix.names().get(i));
                rows.add(matrix.rows()[i]);
            }
        }
        if (rows.size() < 2) {
            return z;
        }
        BackgroundCalibratedStep.Fit fit = BackgroundCalibratedStep.fit(rows.toArray(double[][]::new));
        for (int i = 0; i < names.size(); i++) {
            z.put(names.get(i), fit.z()[i]);
        }
        return z;
    }

    private static Map<String, ExclusionStep> byModel(List<ExclusionStep> steps) {
        Map<String, ExclusionStep> map = new LinkedHashMap<>();
        steps.forEach(s -> map.put(s.model(), s));
        return map;
    }
}
