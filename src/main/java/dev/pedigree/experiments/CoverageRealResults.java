package dev.pedigree.experiments;

import dev.pedigree.stats.ExclusionStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * The outcomes of the real-zoo coverage run, and their CSV files and figures. A task is covered at a
 * level when every model of its true set is in the provenance set; its extra members are the set's
 * models outside the true set. Target kinds (single-parent, merge, distilled) are summarised apart and
 * together ("all"); true members are broken down by derivation distance, relation kind and how heavy the
 * derivation is ({@link ZooLineage#derivation}); every candidate is ranked by its mean distance, with the
 * unrelated ones that share the target's fine-tuning data marked ({@link ZooLineage#trap}).
 */
final class CoverageRealResults {
    private static final String ALL = "all";
    /** The level the figures draw (every level is in the CSV files). */
    private static final double FIGURE_ALPHA = 0.05;

    /**
     * What one task's measurement fixes for every method and prompt count.
     *
     * @param compared the candidates the distance could compare (the matrix's rows)
     * @param excluded the pool's other candidates
     */
    record TaskContext(String distance, String target, String kind, List<String> truth, List<String> compared, List<String> excluded) {
        TaskContext {
            truth = List.copyOf(truth);
            compared = List.copyOf(compared);
            excluded = List.copyOf(excluded);
        }

        int unrelatedCompared() {
            return (int) compared.stream().filter(c -> !truth.contains(c)).count();
        }
    }

    /** @param steps every step of the run in order (carried to the largest level), as {@code model:T:p} */
    private record TaskOutcome(TaskContext task, String method, int prompts, double alpha, List<String> members, String steps) {
        boolean covered() {
            return members.containsAll(task.truth());
        }

        int extra() {
            return (int) members.stream().filter(m -> !task.truth().contains(m)).count();
        }

        boolean is(String method, String distance, int prompts, double alpha) {
            return this.method.equals(method) && task.distance().equals(distance) && this.prompts == prompts && this.alpha == alpha;
        }
    }

    private record MemberOutcome(TaskContext task, String method, int prompts, double alpha, String member, ZooLineage.Relation relation,
            String derivation, boolean inSet) {
    }

    private record Ranked(TaskContext task, int prompts, String candidate, double mean, int rank, boolean related, String trap) {
    }

    private record Exclusion(String distance, String target, String candidate, String reason) {
    }

    private record Note(TaskContext task, String method, String text) {
    }

    /** One way of grouping true members: its name and the group of a member. */
    private record Breakdown(String name, java.util.function.Function<MemberOutcome, String> group) {
    }

    private static final List<Breakdown> BREAKDOWNS = List.of(
            new Breakdown("steps", m -> String.valueOf(m.relation().steps())),
            new Breakdown("relation", m -> m.relation().kind()),
            new Breakdown("derivation", MemberOutcome::derivation));

    private final List<Double> levels;
    private final ZooLineage lineage;
    private final List<Exclusion> exclusions = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();
    private final List<TaskOutcome> tasks = new ArrayList<>();
    private final List<MemberOutcome> members = new ArrayList<>();
    private final List<Ranked> ranking = new ArrayList<>();

    CoverageRealResults(List<Double> levels, ZooLineage lineage) {
        this.levels = List.copyOf(levels);
        this.lineage = lineage;
    }

    /** The set one method gave on one task's first {@code prompts} prompts, read at {@code alpha}, and the run's steps. */
    void add(TaskContext task, String method, int prompts, double alpha, List<String> set, List<ExclusionStep> steps) {
        String trace = String.join(";", steps.stream().map(e -> String.format(Locale.ROOT, "%s:%.3g:%.4g", e.model(), e.statistic(),
                e.pValue())).toList());
        tasks.add(new TaskOutcome(task, method, prompts, alpha, List.copyOf(set), trace));
        for (String t : task.truth()) {
            members.add(new MemberOutcome(task, method, prompts, alpha, t, lineage.relation(task.target(), t),
                    lineage.derivation(task.target(), t), set.contains(t)));
        }
    }

    /** The candidates of one task in order of their mean distance over the first {@code prompts} prompts (ties: pool order). */
    void rank(TaskContext task, int prompts, List<String> candidates, double[] means) {
        int[] order = IntStream.range(0, means.length).boxed().sorted(Comparator.comparingDouble(i -> means[i]))
                .mapToInt(Integer::intValue).toArray();
        for (int r = 0; r < order.length; r++) {
            String c = candidates.get(order[r]);
            ranking.add(new Ranked(task, prompts, c, means[order[r]], r + 1, task.truth().contains(c), lineage.trap(task.target(), c)));
        }
    }

    void exclude(String distance, String target, String candidate, String reason) {
        exclusions.add(new Exclusion(distance, target, candidate, reason));
    }

    /** A method that could not run on a task, and why. */
    void note(TaskContext task, String method, String text) {
        notes.add(new Note(task, method, text));
    }

    /** Writes every CSV and figure for the outcomes so far; returns the files. */
    List<Path> write(Path out) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(writeTasks(out.resolve("tasks.csv")));
        files.add(writeMembers(out.resolve("members.csv")));
        files.add(writeSummary(out.resolve("summary.csv")));
        files.add(writeBreakdown(out.resolve("breakdown.csv")));
        files.add(writeRanking(out.resolve("ranking.csv")));
        files.add(writeExclusions(out.resolve("excluded.csv")));
        if (!notes.isEmpty()) {
            files.add(writeNotes(out.resolve("notes.csv")));
        }
        int largest = prompts().getLast();
        for (String distance : distances()) {
            files.add(write(out.resolve("coverage-" + distance + ".svg"), coverageFigure(distance)));
            files.add(write(out.resolve("derivation-" + distance + ".svg"), derivationFigure(distance, largest)));
        }
        return files;
    }

    private Path writeTasks(Path file) throws IOException {
        StringBuilder csv = new StringBuilder(
                "method,distance,target,target_kind,prompts,alpha,true_size,set_size,covered,true_found,extra,members,excluded,steps\n");
        for (TaskOutcome t : tasks) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%d,%s,%d,%d,%b,%d,%d,%s,%s,%s%n", t.method(), t.task().distance(),
                    t.task().target(), t.task().kind(), t.prompts(), t.alpha(), t.task().truth().size(), t.members().size(), t.covered(),
                    t.task().truth().stream().filter(t.members()::contains).count(), t.extra(),
                    String.join(";", t.members()), String.join(";", t.task().excluded()), t.steps()));
        }
        return write(file, csv.toString());
    }

    private Path writeMembers(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("method,distance,target,target_kind,prompts,alpha,member,relation,up,down,steps,derivation,in_set\n");
        for (MemberOutcome m : members) {
            ZooLineage.Relation r = m.relation();
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%d,%s,%s,%s,%d,%d,%d,%s,%b%n", m.method(), m.task().distance(),
                    m.task().target(), m.task().kind(), m.prompts(), m.alpha(), m.member(), r.kind(), r.up(), r.down(), r.steps(),
                    m.derivation(), m.inSet()));
        }
        return write(file, csv.toString());
    }

    private Path writeRanking(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("distance,target,target_kind,prompts,rank,candidate,mean_distance,related,trap\n");
        for (Ranked r : ranking) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%s,%.6f,%b,%s%n", r.task().distance(), r.task().target(), r.task().kind(),
                    r.prompts(), r.rank(), r.candidate(), r.mean(), r.related(), r.trap() == null ? "" : r.trap()));
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

    private Path writeNotes(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("method,distance,target,note\n");
        for (Note n : notes) {
            csv.append(String.join(",", n.method(), n.task().distance(), n.task().target(), quoted(n.text()))).append('\n');
        }
        return write(file, csv.toString());
    }

    private static String quoted(String text) {
        return '"' + String.valueOf(text).replace("\"", "\"\"").replace('\n', ' ') + '"';
    }

    /** One row per (method, distance, target kind or all, prompts, level). */
    private Path writeSummary(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("method,distance,target_kind,prompts,alpha,tasks,covered,coverage,coverage_low,coverage_high,"
                + "mean_size,mean_true_size,mean_extra,tasks_with_extra,extra_rate,extra_low,extra_high,unrelated_compared,unrelated_admitted\n");
        for (String method : methods()) {
            for (String distance : distances()) {
                for (String kind : kinds()) {
                    for (int n : prompts()) {
                        for (double alpha : levels) {
                            List<TaskOutcome> cell = tasks.stream().filter(t -> t.is(method, distance, n, alpha)
                                    && (kind.equals(ALL) || t.task().kind().equals(kind))).toList();
                            if (!cell.isEmpty()) {
                                csv.append(summaryRow(method, distance, kind, n, alpha, cell));
                            }
                        }
                    }
                }
            }
        }
        return write(file, csv.toString());
    }

    private static String summaryRow(String method, String distance, String kind, int n, double alpha, List<TaskOutcome> cell) {
        int k = cell.size();
        CellSummary.Rate coverage = CellSummary.Rate.of((int) cell.stream().filter(TaskOutcome::covered).count(), k);
        CellSummary.Rate extra = CellSummary.Rate.of((int) cell.stream().filter(t -> t.extra() > 0).count(), k);
        int compared = cell.stream().mapToInt(t -> t.task().unrelatedCompared()).sum();
        return String.format(Locale.ROOT, "%s,%s,%s,%d,%s,%d,%d,%.4f,%.4f,%.4f,%.3f,%.3f,%.3f,%d,%.4f,%.4f,%.4f,%d,%d%n",
                method, distance, kind, n, alpha, k, coverage.successes(), coverage.value(), coverage.low(), coverage.high(),
                cell.stream().mapToInt(t -> t.members().size()).average().orElseThrow(),
                cell.stream().mapToInt(t -> t.task().truth().size()).average().orElseThrow(),
                cell.stream().mapToInt(TaskOutcome::extra).average().orElseThrow(),
                extra.successes(), extra.value(), extra.low(), extra.high(), compared,
                cell.stream().mapToInt(TaskOutcome::extra).sum());
    }

    /** Recall of true members by derivation distance (steps), relation kind and derivation heaviness. */
    private Path writeBreakdown(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("method,distance,prompts,alpha,by,group,members,found,recall,recall_low,recall_high\n");
        for (String method : methods()) {
            for (String distance : distances()) {
                for (int n : prompts()) {
                    for (double alpha : levels) {
                        for (Breakdown b : BREAKDOWNS) {
                            for (String group : groups(b)) {
                                CellSummary.Rate r = recall(method, distance, n, alpha, m -> b.group().apply(m).equals(group));
                                if (r != null) {
                                    csv.append(String.format(Locale.ROOT, "%s,%s,%d,%s,%s,%s,%d,%d,%.4f,%.4f,%.4f%n", method, distance, n,
                                            alpha, b.name(), group, r.trials(), r.successes(), r.value(), r.low(), r.high()));
                                }
                            }
                        }
                    }
                }
            }
        }
        return write(file, csv.toString());
    }

    private List<String> groups(Breakdown b) {
        Comparator<String> order = b.name().equals("derivation") ? Comparator.comparingInt(ZooLineage.DERIVATIONS::indexOf)
                : b.name().equals("steps") ? Comparator.comparingInt(Integer::parseInt) : Comparator.naturalOrder();
        return members.stream().map(b.group()).distinct().sorted(order).toList();
    }

    private CellSummary.Rate recall(String method, String distance, int n, double alpha, Predicate<MemberOutcome> group) {
        List<MemberOutcome> cell = members.stream().filter(m -> m.method().equals(method) && m.task().distance().equals(distance)
                && m.prompts() == n && m.alpha() == alpha && group.test(m)).toList();
        return cell.isEmpty() ? null : CellSummary.Rate.of((int) cell.stream().filter(MemberOutcome::inSet).count(), cell.size());
    }

    /** Coverage (all tasks, with intervals), mean size and mean extra against the number of prompts at α = 0.05, a line per method. */
    private String coverageFigure(String distance) {
        List<LineChartSvg.Line> coverage = new ArrayList<>();
        List<LineChartSvg.Line> size = new ArrayList<>();
        List<LineChartSvg.Line> extra = new ArrayList<>();
        double[] x = prompts().stream().mapToDouble(Integer::doubleValue).toArray();
        for (String method : methods()) {
            int p = x.length;
            double[] cov = new double[p];
            double[] low = new double[p];
            double[] high = new double[p];
            double[] mean = new double[p];
            double[] ext = new double[p];
            for (int i = 0; i < p; i++) {
                int n = (int) x[i];
                List<TaskOutcome> cell = tasks.stream().filter(t -> t.is(method, distance, n, FIGURE_ALPHA)).toList();
                if (cell.isEmpty()) {
                    cov[i] = mean[i] = ext[i] = low[i] = high[i] = Double.NaN;
                    continue;
                }
                CellSummary.Rate r = CellSummary.Rate.of((int) cell.stream().filter(TaskOutcome::covered).count(), cell.size());
                cov[i] = r.value();
                low[i] = r.low();
                high[i] = r.high();
                mean[i] = cell.stream().mapToInt(t -> t.members().size()).average().orElseThrow();
                ext[i] = cell.stream().mapToInt(TaskOutcome::extra).average().orElseThrow();
            }
            coverage.add(new LineChartSvg.Line(method, x, cov, low, high));
            size.add(new LineChartSvg.Line(method, x, mean, null, null));
            extra.add(new LineChartSvg.Line(method, x, ext, null, null));
        }
        double meanTruth = tasks.stream().filter(t -> t.task().distance().equals(distance)).mapToInt(t -> t.task().truth().size())
                .average().orElseThrow();
        List<LineChartSvg.Guide> truthGuide = List.of(new LineChartSvg.Guide("mean true-set size", new double[] {x[0], x[x.length - 1]},
                new double[] {meanTruth, meanTruth}));
        return LineChartSvg.render("Provenance sets on the zoo's " + tasks.stream().filter(t -> t.task().distance().equals(distance))
                        .map(t -> t.task().target()).distinct().count() + " tasks, " + distance + " distance, α = " + FIGURE_ALPHA, "prompts N",
                List.of(new LineChartSvg.Panel("coverage (true set ⊆ P)", coverage, List.of()),
                        new LineChartSvg.Panel("mean |P|", size, truthGuide),
                        new LineChartSvg.Panel("mean extra |P \\ true set|", extra, List.of())));
    }

    /** Recall of true members against how heavy their derivation from the target is (copy 0, light 1, heavy 2), at the largest N. */
    private String derivationFigure(String distance, int n) {
        List<LineChartSvg.Line> lines = new ArrayList<>();
        for (String method : methods()) {
            List<double[]> points = new ArrayList<>();
            for (String d : ZooLineage.DERIVATIONS) {
                CellSummary.Rate r = recall(method, distance, n, FIGURE_ALPHA, m -> d.equals(m.derivation()));
                if (r != null) {
                    points.add(new double[] {ZooLineage.DERIVATIONS.indexOf(d), r.value(), r.low(), r.high()});
                }
            }
            lines.add(new LineChartSvg.Line(method, column(points, 0), column(points, 1), column(points, 2), column(points, 3)));
        }
        return LineChartSvg.render("True members in P by derivation, " + distance + ", N = " + n + ", α = " + FIGURE_ALPHA,
                "derivation: 0 copy (cast, quantised, permuted), 1 light, 2 heavy (py-heavy, distilled)",
                List.of(new LineChartSvg.Panel("share of true members in P", lines, List.of())));
    }

    private static double[] column(List<double[]> points, int c) {
        return points.stream().mapToDouble(p -> p[c]).toArray();
    }

    private Set<String> methods() {
        Set<String> m = new LinkedHashSet<>();
        tasks.forEach(t -> m.add(t.method()));
        return m;
    }

    private Set<String> distances() {
        Set<String> d = new LinkedHashSet<>();
        tasks.forEach(t -> d.add(t.task().distance()));
        return d;
    }

    private List<String> kinds() {
        Set<String> k = new LinkedHashSet<>();
        k.add(ALL);
        tasks.stream().map(t -> t.task().kind()).sorted().forEach(k::add);
        return List.copyOf(k);
    }

    private List<Integer> prompts() {
        return tasks.stream().map(TaskOutcome::prompts).distinct().sorted().toList();
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        return file;
    }
}
