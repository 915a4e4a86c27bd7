package dev.pedigree.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Test pools from the spec's model {@code L[i][t] = b_t + μ_i + σ_i·ε_{i,t}} with Gaussian b and ε. */
final class SimulatedPools {
    private SimulatedPools() {
    }

    static DistanceMatrix pool(double[] means, double[] sigmas, int prompts, SplittableRandom random) {
        double[][] rows = new double[means.length][prompts];
        for (int t = 0; t < prompts; t++) {
            double promptEffect = 0.5 + 0.2 * random.nextGaussian();
            for (int i = 0; i < means.length; i++) {
                rows[i][t] = promptEffect + means[i] + sigmas[i] * random.nextGaussian();
            }
        }
        return new DistanceMatrix(names(means.length), rows);
    }

    static List<String> names(int m) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            names.add("g" + i);
        }
        return names;
    }

    static double[] filled(int m, double value) {
        double[] filled = new double[m];
        Arrays.fill(filled, value);
        return filled;
    }
}
