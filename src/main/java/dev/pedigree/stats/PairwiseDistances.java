package dev.pedigree.stats;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Mean distances between the candidates themselves, {@code mean[i][j] = mean_t D(g_i(x_t), g_j(x_t))} on the
 * same prompts and with the same distance as the target's matrix: what unrelated models' distances look
 * like, measured rather than assumed. The black-box side produces it with
 * {@code blackbox.PairwiseDistanceBuilder} (every candidate in turn as the target, through the output cache,
 * so no model is queried twice); {@code pedigree set --pairwise P.csv} reads it from a file
 * ({@link PairwiseDistancesCsv}); {@link ProvenanceSetTest#withPairwise} uses it.
 *
 * <p>Any number of models is data; fitting a background from them needs at least
 * {@link PairwiseBackground#MIN_MODELS} (the step refuses fewer). Only off-diagonal entries are used. A distance need not be symmetric (a token distance follows the
 * first model's greedy continuation); row i is "distances measured with g_i in the target's role".
 *
 * @param names one distinct name per row and column
 * @param mean  a square matrix of finite values (the diagonal is ignored)
 */
public record PairwiseDistances(List<String> names, double[][] mean) {
    public PairwiseDistances {
        names = List.copyOf(names);
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("duplicate model name " + name);
            }
        }
        if (mean.length != names.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + mean.length + " rows");
        }
        double[][] copy = new double[mean.length][];
        for (int i = 0; i < mean.length; i++) {
            if (mean[i].length != mean.length) {
                throw new IllegalArgumentException("row " + names.get(i) + " has " + mean[i].length + " values; the matrix is "
                        + mean.length + " × " + mean.length);
            }
            for (int j = 0; j < mean.length; j++) {
                if (i != j && !Double.isFinite(mean[i][j])) {
                    throw new IllegalArgumentException(names.get(i) + " to " + names.get(j) + " is not finite: " + mean[i][j]);
                }
            }
            copy[i] = mean[i].clone();
        }
        mean = copy;
    }

    /**
     * The sub-matrix in the order of {@code order} (the target matrix's rows).
     *
     * @throws IllegalArgumentException naming the first model {@code order} has and this matrix lacks
     */
    public double[][] alignedTo(List<String> order) {
        double[][] aligned = new double[order.size()][order.size()];
        int[] index = new int[order.size()];
        for (int k = 0; k < order.size(); k++) {
            index[k] = names.indexOf(order.get(k));
            if (index[k] < 0) {
                throw new IllegalArgumentException("model " + order.get(k) + " has no candidate-to-candidate distances");
            }
        }
        for (int a = 0; a < order.size(); a++) {
            for (int b = 0; b < order.size(); b++) {
                aligned[a][b] = mean[index[a]][index[b]];
            }
        }
        return aligned;
    }
}
