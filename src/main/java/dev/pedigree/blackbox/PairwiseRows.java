package dev.pedigree.blackbox;

import dev.pedigree.stats.PairwiseDistances;
import java.util.List;

/**
 * Candidate-to-candidate distances prompt by prompt, before averaging: {@code rows[i][j][t]} =
 * {@code D(models[i](x_t), models[j](x_t))} ({@code rows[i][i]} is null). Kept per prompt so that a run
 * testing the first n prompts of its matrix can calibrate against the same n prompts
 * ({@link #meansOver}).
 *
 * @param names one name per model, in the order of the rows
 * @param rows  {@code rows[i][j]} has one value per prompt, the same count for every pair
 */
public record PairwiseRows(List<String> names, double[][][] rows) {
    public PairwiseRows {
        names = List.copyOf(names);
        if (rows.length != names.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + rows.length + " rows");
        }
    }

    /** The number of prompts every pair was measured on. */
    public int prompts() {
        return rows.length < 2 ? 0 : rows[0][1].length;
    }

    /** Mean distances over the first {@code prompts} prompts (the diagonal is 0). */
    public PairwiseDistances meansOver(int prompts) {
        if (prompts < 1 || prompts > prompts()) {
            throw new IllegalArgumentException("means over " + prompts + " prompts asked; " + prompts() + " were measured");
        }
        int m = rows.length;
        double[][] mean = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                if (j != i) {
                    double sum = 0;
                    for (int t = 0; t < prompts; t++) {
                        sum += rows[i][j][t];
                    }
                    mean[i][j] = sum / prompts;
                }
            }
        }
        return new PairwiseDistances(names, mean);
    }
}
