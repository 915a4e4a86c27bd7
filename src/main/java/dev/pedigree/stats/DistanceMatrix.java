package dev.pedigree.stats;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code m × N} matrix {@code L[i][t] = D(f(x_t), g_i(x_t))} of distances from the target to each
 * model of the pool (rows, in pool order) on each prompt (columns); smaller means more alike.
 *
 * @param names one distinct name per row
 * @param rows  the distances, every row of the same length N ≥ 2, every value finite
 */
public record DistanceMatrix(List<String> names, double[][] rows) {
    public DistanceMatrix {
        names = List.copyOf(names);
        if (names.size() != rows.length) {
            throw new IllegalArgumentException(names.size() + " names for " + rows.length + " rows");
        }
        if (rows.length < 2) {
            throw new IllegalArgumentException("a pool needs at least 2 models, got " + rows.length);
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("duplicate model name " + name);
            }
        }
        int n = rows[0].length;
        if (n < 2) {
            throw new IllegalArgumentException("at least 2 prompts are needed (a variance per model), got " + n);
        }
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != n) {
                throw new IllegalArgumentException("row " + names.get(i) + " has " + rows[i].length + " values, row 0 has " + n);
            }
            for (double v : rows[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("row " + names.get(i) + " holds a non-finite distance " + v);
                }
            }
            copy[i] = rows[i].clone();
        }
        rows = copy;
    }

    public int models() {
        return rows.length;
    }

    public int prompts() {
        return rows[0].length;
    }

    /** Row index of {@code name}, or -1. */
    public int indexOf(String name) {
        return names.indexOf(name);
    }
}
