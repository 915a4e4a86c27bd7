package dev.pedigree.provenance;

import dev.pedigree.stats.BackgroundCalibratedStep;
import dev.pedigree.stats.DistanceMatrix;
import dev.pedigree.stats.PairwiseBackground;
import dev.pedigree.stats.PairwiseCalibratedStep;
import dev.pedigree.stats.PairwiseDistances;
import dev.pedigree.stats.RobustBackground;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The background of unrelated distances the calibrated method measured the first step against (the whole
 * pool, references included): what "no nearer than unrelated models are" meant in this run. Later steps
 * re-estimate it on the smaller pool; their statistics are in the steps.
 *
 * @param source             {@code pool} (the spread of the target's own row) or {@code pairwise:…}
 *                           (candidate-to-candidate distances: {@code pairwise:measured} or {@code pairwise:FILE})
 * @param models             models the background was estimated from
 * @param location           pool: median of the models' centred mean distances; null with pairwise distances
 * @param scale              the unit of every z: pool, 1.4826·MAD of the centred means; pairwise, 1.4826 × the
 *                           median absolute residual of the two-way fit
 * @param spread             pool: the between-model spread τ̂ the null draws with; null with pairwise distances
 * @param targetEccentricity pairwise: the target's fitted eccentricity {@code b_f}; null for the pool
 * @param eccentricities     pairwise: every model's fitted eccentricity {@code b_i} (how far it sits from every
 *                           model); empty for the pool
 */
public record CalibrationBackground(String source, int models, Double location, double scale, Double spread,
        Double targetEccentricity, Map<String, Double> eccentricities) {

    public CalibrationBackground {
        eccentricities = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(eccentricities));
    }

    /**
     * @param pairwise       the candidate-to-candidate distances the calibrated run used, or null
     * @param pairwiseSource where they came from ({@code measured} or a file), ignored without them
     */
    static CalibrationBackground of(DistanceMatrix matrix, PairwiseDistances pairwise, String pairwiseSource) {
        if (pairwise == null) {
            RobustBackground b = BackgroundCalibratedStep.fit(matrix.rows()).background();
            return new CalibrationBackground("pool", matrix.models(), b.location(), b.scale(), b.spread(), null, Map.of());
        }
        PairwiseBackground b = PairwiseBackground.fit(pairwise.alignedTo(matrix.names()));
        int[] all = new int[matrix.models()];
        double[] means = new double[matrix.models()];
        Map<String, Double> eccentricities = new LinkedHashMap<>();
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
            means[i] = Arrays.stream(matrix.rows()[i]).average().orElseThrow();
            eccentricities.put(matrix.names().get(i), b.eccentricity()[i]);
        }
        return new CalibrationBackground("pairwise:" + pairwiseSource, matrix.models(), null, b.scale(), null,
                b.targetEccentricity(all, means), eccentricities);
    }
}
