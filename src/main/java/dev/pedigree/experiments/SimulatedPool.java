package dev.pedigree.experiments;

import dev.pedigree.stats.DistanceMatrix;
import dev.pedigree.stats.PairwiseDistances;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Draws one pool of a cell: {@code L[i][t] = b_t + μ_i + σ_i·ε_{i,t}} (see {@link CoverageScenario}). */
final class SimulatedPool {
    private SimulatedPool() {
    }

    /** A drawn pool: the target's matrix, and the candidates' distances to one another when the scenario draws them. */
    record Drawn(DistanceMatrix matrix, PairwiseDistances pairwise) {
    }

    static DistanceMatrix draw(CoverageCell cell, SplittableRandom random) {
        int m = cell.candidates();
        double[] mean = new double[m];
        double[] sigma = new double[m];
        for (int i = 0; i < m; i++) {
            mean[i] = i < cell.sources() ? -cell.advantage() : cell.tau() * random.nextGaussian();
            sigma[i] = Math.exp(cell.sigmaSpread() * (2 * random.nextDouble() - 1));
        }
        return rows(cell, mean, sigma, random);
    }

    /** The two-way world of {@link CoverageScenario}'s {@code pairSpread}: eccentricities, pair effects, both matrices. */
    static Drawn drawWithPairwise(CoverageCell cell, double pairSpread, SplittableRandom random) {
        int m = cell.candidates();
        double[] eccentricity = new double[m];
        double[] sigma = new double[m];
        for (int i = 0; i < m; i++) {
            eccentricity[i] = cell.tau() * random.nextGaussian();
            sigma[i] = Math.exp(cell.sigmaSpread() * (2 * random.nextDouble() - 1));
        }
        double target = cell.tau() * random.nextGaussian();
        double[] mean = new double[m];
        for (int i = 0; i < m; i++) {
            mean[i] = target + eccentricity[i] + pairSpread * random.nextGaussian() - (i < cell.sources() ? cell.advantage() : 0);
        }
        double[][] pairwise = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                double sampling = Math.sqrt((sigma[i] * sigma[i] + sigma[j] * sigma[j]) / (2.0 * cell.prompts()));
                pairwise[i][j] = eccentricity[i] + eccentricity[j] + pairSpread * random.nextGaussian()
                        + sampling * random.nextGaussian();
                pairwise[j][i] = pairwise[i][j];
            }
        }
        DistanceMatrix matrix = rows(cell, mean, sigma, random);
        return new Drawn(matrix, new PairwiseDistances(matrix.names(), pairwise));
    }

    private static DistanceMatrix rows(CoverageCell cell, double[] mean, double[] sigma, SplittableRandom random) {
        int m = cell.candidates();
        double[][] rows = new double[m][cell.prompts()];
        for (int t = 0; t < cell.prompts(); t++) {
            double promptEffect = random.nextGaussian();
            for (int i = 0; i < m; i++) {
                rows[i][t] = promptEffect + mean[i] + sigma[i] * random.nextGaussian();
            }
        }
        return new DistanceMatrix(names(m), rows);
    }

    /** Candidates are named c0 … c(m−1); the sources are c0 … c(k−1). */
    static List<String> names(int m) {
        List<String> names = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            names.add("c" + i);
        }
        return names;
    }

    static boolean isSource(CoverageCell cell, String name) {
        return Integer.parseInt(name.substring(1)) < cell.sources();
    }
}
