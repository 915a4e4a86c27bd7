package dev.pedigree.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The outcomes of the real-zoo coverage run, and their CSV files and figures. A task is covered at a
 * level when every model of its true set is in the provenance set; its extra members are the set's
 * models outside the true set. Target kinds (single-parent, merge, distilled) are summarised apart and
 * together ("all").
 */
final class CoverageRealResults {
    private static final String ALL = "all";

    private record TaskOutcome(String distance, String target, String kind, int prompts, double alpha, List<String> truth,
            List<String> members, List<String> excluded) {
        boolean covered() {
            return members.containsAll(truth);
        }

        int extra() {
            return (int) members.stream().filter(m -> !truth.contains(m)).count();
        }
    }

    private record MemberOutcome(String distance, String target, String kind, int prompts, double alpha, String member,
            ZooLineage.Relation relation, boolean inSet) {
    }

    private record Exclusion(String distance, String target, String candidate, String reason) {
    }

    private final List<Double> levels;
    private final List<Exclusion> exclusions = new ArrayList<>();
    private final List<TaskOutcome> tasks = new ArrayList<>();
    private final List<MemberOutcome> members = new ArrayList<>();

    CoverageRealResults(List<Double> levels) {
        this.levels = List.copyOf(levels);
    }

    void add(String distance, String target, String kind, int prompts, double alpha, List<String> truth, List<String> set,
            List<String> excluded, Function<String, ZooLineage.Relation> relation) {
        tasks.add(new TaskOutcome(distance, target, kind, prompts, alpha, truth, set, excluded));
        for (String t : truth) {
            members.add(new MemberOutcome(distance, target, kind, prompts, alpha, t, relation.apply(t), set.contains(t)));
        }
    }

    void exclude(String distance, String target, String candidate, String reason) {
        exclusions.add(new Exclusion(distance, target, candidate, reason));
    }

    /** Writes every CSV and figure for the outcomes so far; returns the files. */
    List<Path> write(Path out, List<Integer> counts) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(writeTasks(out.resolve("tasks.csv")));
        files.add(writeMembers(out.resolve("members.csv")));
        files.add(writeSummary(out.resolve("summary.csv")));
        files.add(writeDepth(out.resolve("depth.csv")));
        files.add(writeExclusions(out.resolve("excluded.csv")));
        int largest = counts.getLast();
        for (String distance : distances()) {
            files.add(write(out.resolve("coverage-" + distance + ".svg"), coverageFigure(distance)));
            files.add(write(out.resolve("depth-" + distance + ".svg"), depthFigure(distance, largest)));
        }
        return files;
    }

    private Path writeTasks(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("distance,target,target_kind,prompts,alpha,true_size,set_size,covered,true_found,extra,members,excluded\n");
        for (TaskOutcome t : tasks) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%s,%d,%d,%b,%d,%d,%s,%s%n", t.distance(), t.target(), t.kind(),
                    t.prompts(), t.alpha(), t.truth().size(), t.members().size(), t.covered(),
                    t.truth().stream().filter(t.members()::contains).count(), t.extra(),
                    String.join(";", t.members()), String.join(";", t.excluded())));
        }
        return write(file, csv.toString());
    }

    private Path writeMembers(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("distance,target,target_kind,prompts,alpha,member,relation,up,down,steps,in_set\n");
        for (MemberOutcome m : members) {
            ZooLineage.Relation r = m.relation();
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%s,%s,%s,%s,%s,%s,%b%n", m.distance(), m.target(), m.kind(), m.prompts(),
                    m.alpha(), m.member(), r == null ? "none" : r.kind(), r == null ? "" : r.up(), r == null ? "" : r.down(),
                    r == null ? "" : r.steps(), m.inSet()));
        }
        return write(file, csv.toString());
    }

    private Path writeExclusions(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("distance,target,candidate,reason\n");
        for (Exclusion e : exclusions) {
            csv.append(String.join(",", e.distance(), e.target(), e.candidate(), quoted(e.reason()))).append('\n');
        }
        return write(file, csv.toString());
    }

    private static String quoted(String text) {
        return '"' + String.valueOf(text).replace("\"", "\"\"").replace('\n', ' ') + '"';
    }

    /** One row per (distance, target kind or all, prompts, level). */
    private Path writeSummary(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("distance,target_kind,prompts,alpha,tasks,covered,coverage,coverage_low,coverage_high,"
                + "mean_size,mean_true_size,mean_extra,tasks_with_extra,extra_rate,extra_low,extra_high\n");
        for (String distance : distances()) {
            for (String kind : kinds()) {
                for (int n : prompts()) {
                    for (double alpha : levels) {
                        List<TaskOutcome> cell = tasks.stream().filter(t -> t.distance().equals(distance) && t.prompts() == n
                                && t.alpha() == alpha && (kind.equals(ALL) || t.kind().equals(kind))).toList();
                        if (cell.isEmpty()) {
                            continue;
                        }
                        int k = cell.size();
                        CellSummary.Rate coverage = CellSummary.Rate.of((int) cell.stream().filter(TaskOutcome::covered).count(), k);
                        CellSummary.Rate extra = CellSummary.Rate.of((int) cell.stream().filter(t -> t.extra() > 0).count(), k);
                        csv.append(String.format(Locale.ROOT, "%s,%s,%d,%s,%d,%d,%.4f,%.4f,%.4f,%.3f,%.3f,%.3f,%d,%.4f,%.4f,%.4f%n",
                                distance, kind, n, alpha, k, coverage.successes(), coverage.value(), coverage.low(), coverage.high(),
                                cell.stream().mapToInt(t -> t.members().size()).average().orElseThrow(),
                                cell.stream().mapToInt(t -> t.truth().size()).average().orElseThrow(),
                                cell.stream().mapToInt(TaskOutcome::extra).average().orElseThrow(),
                                extra.successes(), extra.value(), extra.low(), extra.high()));
                    }
                }
            }
        }
        return write(file, csv.toString());
    }

    /** Recall of true members by derivation distance (generations up plus down) from the target. */
    private Path writeDepth(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("distance,prompts,alpha,steps,members,found,recall,recall_low,recall_high\n");
        for (String distance : distances()) {
            for (int n : prompts()) {
                for (double alpha : levels) {
                    for (int steps : steps()) {
                        CellSummary.Rate r = recall(distance, n, alpha, steps);
                        if (r != null) {
                            csv.append(String.format(Locale.ROOT, "%s,%d,%s,%d,%d,%d,%.4f,%.4f,%.4f%n", distance, n, alpha, steps,
                                    r.trials(), r.successes(), r.value(), r.low(), r.high()));
                        }
                    }
                }
            }
        }
        return write(file, csv.toString());
    }

    private CellSummary.Rate recall(String distance, int n, double alpha, int steps) {
        List<MemberOutcome> cell = members.stream().filter(m -> m.distance().equals(distance) && m.prompts() == n && m.alpha() == alpha
                && m.relation() != null && m.relation().steps() == steps).toList();
        return cell.isEmpty() ? null : CellSummary.Rate.of((int) cell.stream().filter(MemberOutcome::inSet).count(), cell.size());
    }

    /** Coverage (all tasks, with intervals), mean size and mean extra against the number of prompts, a line per level. */
    private String coverageFigure(String distance) {
        List<LineChartSvg.Line> coverage = new ArrayList<>();
        List<LineChartSvg.Line> size = new ArrayList<>();
        List<LineChartSvg.Line> extra = new ArrayList<>();
        double[] x = prompts().stream().mapToDouble(Integer::doubleValue).toArray();
        for (double alpha : levels) {
            int p = x.length;
            double[] cov = new double[p];
            double[] low = new double[p];
            double[] high = new double[p];
            double[] mean = new double[p];
            double[] ext = new double[p];
            for (int i = 0; i < p; i++) {
                int n = (int) x[i];
                List<TaskOutcome> cell = tasks.stream().filter(t -> t.distance().equals(distance) && t.prompts() == n && t.alpha() == alpha).toList();
                CellSummary.Rate r = CellSummary.Rate.of((int) cell.stream().filter(TaskOutcome::covered).count(), cell.size());
                cov[i] = r.value();
                low[i] = r.low();
                high[i] = r.high();
                mean[i] = cell.stream().mapToInt(t -> t.members().size()).average().orElseThrow();
                ext[i] = cell.stream().mapToInt(TaskOutcome::extra).average().orElseThrow();
            }
            String label = "α = " + alpha;
            coverage.add(new LineChartSvg.Line(label, x, cov, low, high));
            size.add(new LineChartSvg.Line(label, x, mean, null, null));
            extra.add(new LineChartSvg.Line(label, x, ext, null, null));
        }
        double meanTruth = tasks.stream().filter(t -> t.distance().equals(distance)).mapToInt(t -> t.truth().size()).average().orElseThrow();
        List<LineChartSvg.Guide> truthGuide = List.of(new LineChartSvg.Guide("mean true-set size", new double[] {x[0], x[x.length - 1]},
                new double[] {meanTruth, meanTruth}));
        return LineChartSvg.render("MPS on the zoo's " + tasks.stream().filter(t -> t.distance().equals(distance)).map(TaskOutcome::target)
                        .distinct().count() + " tasks, " + distance + " distance", "prompts N",
                List.of(new LineChartSvg.Panel("coverage (true set ⊆ P)", coverage, List.of()),
                        new LineChartSvg.Panel("mean |P|", size, truthGuide),
                        new LineChartSvg.Panel("mean extra |P \\ true set|", extra, List.of())));
    }

    /** Recall of true members against their derivation distance from the target, at the largest N. */
    private String depthFigure(String distance, int n) {
        List<LineChartSvg.Line> lines = new ArrayList<>();
        for (double alpha : levels) {
            List<double[]> points = new ArrayList<>();
            for (int steps : steps()) {
                CellSummary.Rate r = recall(distance, n, alpha, steps);
                if (r != null) {
                    points.add(new double[] {steps, r.value(), r.low(), r.high()});
                }
            }
            lines.add(new LineChartSvg.Line("α = " + alpha, column(points, 0), column(points, 1), column(points, 2), column(points, 3)));
        }
        return LineChartSvg.render("True members in P by derivation distance, " + distance + ", N = " + n,
                "generations from the target (up to the common ancestor + down)",
                List.of(new LineChartSvg.Panel("share of true members in P", lines, List.of())));
    }

    private static double[] column(List<double[]> points, int c) {
        return points.stream().mapToDouble(p -> p[c]).toArray();
    }

    private Set<String> distances() {
        Set<String> d = new LinkedHashSet<>();
        tasks.forEach(t -> d.add(t.distance()));
        return d;
    }

    private List<String> kinds() {
        Set<String> k = new LinkedHashSet<>();
        k.add(ALL);
        tasks.stream().map(TaskOutcome::kind).sorted().forEach(k::add);
        return List.copyOf(k);
    }

    private List<Integer> prompts() {
        return tasks.stream().map(TaskOutcome::prompts).distinct().sorted().toList();
    }

    private List<Integer> steps() {
        return members.stream().filter(m -> m.relation() != null).map(m -> m.relation().steps()).distinct().sorted().toList();
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        return file;
    }
}
