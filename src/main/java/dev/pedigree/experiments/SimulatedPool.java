package dev.pedigree.experiments;

import dev.pedigree.stats.DistanceMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Draws one pool of a cell: {@code L[i][t] = b_t + μ_i + σ_i·ε_{i,t}} (see {@link CoverageScenario}). */
final class SimulatedPool {
    private SimulatedPool() {
    }

    static DistanceMatrix draw(CoverageCell cell, SplittableRandom random) {
        int m = cell.candidates();
        double[] mean = new double[m];
        double[] sigma = new double[m];
        for (int i = 0; i < m; i++) {
            mean[i] = i < cell.sources() ? -cell.advantage() : cell.tau() * random.nextGaussian();
            sigma[i] = Math.exp(cell.sigmaSpread() * (2 * random.nextDouble() - 1));
        }
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
