package dev.pedigree.blackbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The m × N matrix {@code values[i][t] = D(target(x_t), candidates[i](x_t))} (smaller = more alike) that
 * querying the models gave — the rows and names the MPS engine's {@code stats.DistanceMatrix} takes —
 * with the distance's name, the prompt set's hash, and the candidates that were left out and why (keyed
 * by the spec as given when the model could not be opened, by the model's name when it could not be
 * queried), and for each candidate's name the spec it was given as (so weights can be read from the
 * same model), and the candidate-to-candidate distances prompt by prompt when they were asked for and
 * could be measured ({@code pairwise}, else null).
 */
public record MeasuredDistances(String distance, String target, List<String> candidates, double[][] values,
        String promptSetSha256, Map<String, String> excluded, Map<String, String> specs, PairwiseRows pairwise) {
    public MeasuredDistances {
        candidates = List.copyOf(candidates);
        // insertion order kept (Map.copyOf's order changes from one JVM to the next): reports list exclusions as they happened
        excluded = Collections.unmodifiableMap(new LinkedHashMap<>(excluded));
        specs = Collections.unmodifiableMap(new LinkedHashMap<>(specs));
        if (values.length != candidates.size()) {
            throw new IllegalArgumentException(values.length + " rows for " + candidates.size() + " candidates");
        }
    }

    /** The mean distance of each candidate over the prompts. */
    public double[] rowMeans() {
        double[] means = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double sum = 0;
            for (double v : values[i]) {
                sum += v;
            }
            means[i] = sum / values[i].length;
        }
        return means;
    }
}
