package dev.pedigree.report;

import dev.pedigree.blackbox.MeasuredDistances;
import dev.pedigree.compare.ComparisonResult;
import dev.pedigree.provenance.CalibrationBackground;
import dev.pedigree.provenance.ComparedSets;
import dev.pedigree.provenance.MatrixRun;
import dev.pedigree.provenance.ProvenanceRun;
import dev.pedigree.provenance.WeightEvidence;
import dev.pedigree.stats.DistanceMatrix;
import dev.pedigree.stats.ExclusionStep;
import dev.pedigree.stats.ProvenanceSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A provenance-set run ({@code provenance.ProvenanceRun} or {@code provenance.MatrixRun}) as report sections:
 * the headline set with its steps, the other method's set beside it and every candidate explained, the
 * distance distributions per candidate, the links it found (a member is an ancestor by how the
 * question is asked: which candidates is the target derived from), and a finding per member.
 */
public final class ProvenanceSets {
    private ProvenanceSets() {
    }

    /**
     * One method's set, with nothing beside it.
     *
     * @param target   the target's name in the report
     * @param distance the distance the matrix was built with, or null for a precomputed matrix
     */
    public static ProvenanceSetSection section(ProvenanceSet set, String target, String distance) {
        return section(set, target, distance, null, null, List.of());
    }

    /** The headline set with the other method's set beside it, the calibrated background and every candidate explained. */
    public static ProvenanceSetSection section(ComparedSets sets, String target, String distance) {
        List<ProvenanceSetSection.Explanation> explanations = sets.explanations().values().stream()
                .map(c -> new ProvenanceSetSection.Explanation(c.model(), c.inCalibrated(), c.inPaperFaithful(), finite(c.backgroundZ()),
                        c.explanation())).toList();
        CalibrationBackground b = sets.background();
        ProvenanceSetSection.Background background = new ProvenanceSetSection.Background(b.source(), b.models(), finite(b.location()),
                finite(b.scale()), finite(b.spread()), finite(b.targetEccentricity()), b.eccentricities());
        return section(sets.headline(), target, distance, background, section(sets.beside(), target, distance), explanations);
    }

    private static ProvenanceSetSection section(ProvenanceSet set, String target, String distance, ProvenanceSetSection.Background background,
            ProvenanceSetSection beside, List<ProvenanceSetSection.Explanation> explanations) {
        Map<String, Double> ni = set.niScores();
        List<ProvenanceSetSection.Member> members = set.members().stream()
                .map(s -> new ProvenanceSetSection.Member(s.model(), s.monotonePValue(), finite(ni.get(s.model())))).toList();
        List<ProvenanceSetSection.Step> steps = set.steps().stream().map(s -> new ProvenanceSetSection.Step(s.number(), s.model(), s.reference(),
                s.poolSize(), s.statistic(), s.pValue(), s.monotonePValue())).toList();
        Map<String, List<String>> sets = new LinkedHashMap<>();
        set.setsByLevel().forEach((level, names) -> sets.put(Numbers.level(level), names));
        Map<String, Double> scores = new LinkedHashMap<>();
        ni.forEach((name, score) -> scores.put(name, finite(score)));
        List<String> untested = ni.entrySet().stream().filter(e -> e.getValue().isNaN()).map(Map.Entry::getKey).toList();
        return new ProvenanceSetSection(set.method(), target, distance, set.alpha(), set.permutations(), set.seed(), set.stoppedBecause().label(),
                members, steps, sets, scores, set.references(), untested, background, beside, explanations);
    }

    /** Each candidate's distances to the target, summarised. */
    public static DistanceSection distances(DistanceMatrix m, String distance, String promptSetSha256, Map<String, String> excluded) {
        List<DistanceSummary> rows = new ArrayList<>();
        for (int i = 0; i < m.models(); i++) {
            rows.add(DistanceSummary.of(m.names().get(i), m.rows()[i]));
        }
        return new DistanceSection(distance, promptSetSha256, m.prompts(), rows, excluded);
    }

    /** Members: related, candidate before target. Tested non-members: not found. References and untested candidates: nothing claimed. */
    public static List<TestedLink> links(ProvenanceSet set, String target) {
        List<TestedLink> links = new ArrayList<>();
        String level = Numbers.level(set.alpha());
        List<ExclusionStep> members = set.members();
        for (ExclusionStep s : members) {
            links.add(new TestedLink(s.model(), target, true, Evidence.BLACK_BOX, LinkVerdict.RELATED, s.monotonePValue(),
                    "in the provenance set at alpha " + level + " (step " + s.number() + ", p = " + Numbers.p(s.monotonePValue()) + ")"));
        }
        Double stopP = members.size() < set.steps().size() ? set.steps().get(members.size()).monotonePValue() : null;
        for (Map.Entry<String, Double> e : set.niScores().entrySet()) {
            boolean member = members.stream().anyMatch(s -> s.model().equals(e.getKey()));
            if (!member && !e.getValue().isNaN()) {
                links.add(new TestedLink(e.getKey(), target, true, Evidence.BLACK_BOX, LinkVerdict.NOT_FOUND, stopP,
                        "not in the provenance set at alpha " + level + " (the set stopped at p = " + Numbers.p(stopP) + ")"));
            }
        }
        return links;
    }

    public static List<Finding> findings(ProvenanceSet set, String target) {
        String level = Numbers.level(set.alpha());
        return set.members().stream().map(s -> new Finding(FindingKind.PROVENANCE_SET_MEMBER, List.of(target, s.model()), "in set",
                s.monotonePValue(), s.model() + " is in the provenance set of " + target + " at alpha " + level,
                List.of("step " + s.number() + " of " + set.steps().size() + ", pool of " + s.poolSize() + ", " + statisticName(set.method()) + " = " + Numbers.score(s.statistic())
                        + ", p = " + Numbers.p(s.pValue())))).toList();
    }

    /**
     * The merged {@code set} report of queried models: both sets, the distances, and for each candidate
     * whose weights were read the weight comparison beside the black-box evidence; the reconciliation
     * calls out where the two disagree, and a candidate whose weights could not be read is a note. The
     * subjects are the target, then the queried candidates and references, named as in the matrix, each
     * with the spec it was given as and what its files say (format, digest, declared lineage), so the
     * reconciliation sets each model's declared parents beside the set and the weights.
     */
    public static Report queried(ProvenanceRun.Result result) {
        MeasuredDistances d = result.distances();
        ProvenanceSet set = result.set();
        String target = d.target();
        ReportBuilder b = Report.builder("set").seed("permutations", set.seed());
        result.models().forEach((name, model) -> b.subject(ModelSubjects.of(name,
                name.equals(target) ? "target" : result.referenceNames().contains(name) ? "reference" : "candidate", model)));
        result.unreadable().forEach((name, why) -> {
            if (result.weights().stream().noneMatch(w -> w.candidate().equals(name))) {
                b.note(name + ": files not read, so no digest or declared lineage (" + why + ")");
            }
        });
        result.timingsMs().forEach(b::timing);
        b.provenanceSet(section(result.sets(), target, d.distance()));
        b.distances(distances(new DistanceMatrix(d.candidates(), d.values()), d.distance(), d.promptSetSha256(), d.excluded()));
        d.excluded().forEach(b::excluded);
        links(set, target).forEach(b::link);
        findings(set, target).forEach(b::finding);
        for (WeightEvidence w : result.weights()) {
            if (w.comparison() == null) {
                b.note(w.candidate() + ": no weight comparison (" + w.note() + ")");
                continue;
            }
            ComparisonResult c = w.comparison();
            b.seed("weight_compare", c.seed());
            b.weightComparison(WeightComparisons.section(c, target, w.candidate()));
            LinkVerdict v = switch (c.verdict()) {
                case RELATED -> LinkVerdict.RELATED;
                case UNRELATED -> LinkVerdict.UNRELATED;
                case INCONCLUSIVE -> LinkVerdict.INCONCLUSIVE;
            };
            Double p = Double.isFinite(c.pValue()) ? c.pValue() : null;
            b.link(new TestedLink(target, w.candidate(), false, Evidence.WEIGHTS, v, p, "weights " + c.verdict().label() + ", p = " + Numbers.p(p)));
            WeightComparisons.findings(c, target, w.candidate()).forEach(b::finding);
        }
        return b.build();
    }

    /**
     * The {@code set --matrix} report: both sets and the distances; no model was opened, so there are no
     * weights and no digests, and the target is named {@code target}.
     */
    public static Report matrix(MatrixRun.Result result) {
        String target = "target";
        String source = "from " + result.file();
        ProvenanceSet set = result.sets().headline();
        DistanceMatrix m = result.matrix();
        ReportBuilder b = Report.builder("set").seed("permutations", set.seed());
        result.timingsMs().forEach(b::timing);
        b.subject(new Subject(target, "target", null, null, null));
        m.names().forEach(n -> b.subject(new Subject(n, set.references().contains(n) ? "reference" : "candidate", null, null, null)));
        b.provenanceSet(section(result.sets(), target, source));
        b.distances(distances(m, source, null, Map.of()));
        links(set, target).forEach(b::link);
        findings(set, target).forEach(b::finding);
        return b.build();
    }

    /** What a step's statistic is called: the studentised t of the paper's method, the background z of the calibrated one. */
    static String statisticName(String method) {
        return method.equals("mps") ? "t" : "z";
    }

    private static Double finite(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }
}
