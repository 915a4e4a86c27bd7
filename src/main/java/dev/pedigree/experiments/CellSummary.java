package dev.pedigree.experiments;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * One cell of a scenario at one level: how often the set covered the true sources, how big it was, and
 * how often it held anything (null pools) or any unrelated candidate (pools with sources). Rates come with
 * exact (Clopper–Pearson) 95% intervals.
 */
record CellSummary(CoverageCell cell, double alpha, int replicates, Rate coverage, double meanSize, double meanExtra,
        Rate nonEmpty, Rate extra) {

    /** {@code successes / trials} with its Clopper–Pearson 95% interval. */
    record Rate(int successes, int trials, double value, double low, double high) {
        static Rate of(int successes, int trials) {
            double low = successes == 0 ? 0 : new BetaDistribution(successes, trials - successes + 1).inverseCumulativeProbability(0.025);
            double high = successes == trials ? 1 : new BetaDistribution(successes + 1, trials - successes).inverseCumulativeProbability(0.975);
            return new Rate(successes, trials, (double) successes / trials, low, high);
        }
    }

    /** One summary per (cell, level), in cell then level order. */
    static List<CellSummary> of(List<ReplicateOutcome> outcomes, List<Double> levels) {
        List<CellSummary> summaries = new ArrayList<>();
        int start = 0;
        while (start < outcomes.size()) {
            CoverageCell cell = outcomes.get(start).cell();
            int end = start;
            while (end < outcomes.size() && outcomes.get(end).cell().equals(cell)) {
                end++;
            }
            List<ReplicateOutcome> rows = outcomes.subList(start, end);
            for (int a = 0; a < levels.size(); a++) {
                int covered = 0;
                int nonEmpty = 0;
                int withExtra = 0;
                long size = 0;
                long extras = 0;
                for (ReplicateOutcome r : rows) {
                    covered += r.covered(a) ? 1 : 0;
                    nonEmpty += r.setSize()[a] > 0 ? 1 : 0;
                    withExtra += r.extras(a) > 0 ? 1 : 0;
                    size += r.setSize()[a];
                    extras += r.extras(a);
                }
                int n = rows.size();
                summaries.add(new CellSummary(cell, levels.get(a), n, Rate.of(covered, n), (double) size / n, (double) extras / n,
                        Rate.of(nonEmpty, n), Rate.of(withExtra, n)));
            }
            start = end;
        }
        return summaries;
    }

    /** A named metric, for figures. */
    double metric(String name) {
        return switch (name) {
            case "coverage" -> coverage.value();
            case "mean_size" -> meanSize;
            case "mean_extra" -> meanExtra;
            case "nonempty_rate" -> nonEmpty.value();
            case "extra_rate" -> extra.value();
            default -> throw new IllegalArgumentException("no metric " + name);
        };
    }
}
