package dev.pedigree.stats;

import java.util.SplittableRandom;

/**
 * The calibrated step when candidate-to-candidate distances are known ({@link PairwiseDistances}): the
 * null "the target is one more unrelated model" says its mean distances to the candidates look like the
 * candidates' mean distances to one another. Unrelated models are not equally far apart: some are far
 * from everything (another language, another tokenizer), so the background is a robust two-way model,
 * {@code P[i][j] ≈ μ + a_i + a_j}, with {@code a_i} the eccentricity of model i — how far it sits from
 * every model, related or not.
 *
 * <ol>
 *   <li>Fit μ and the {@code a_i} by alternating medians over the off-diagonal entries (sweeps
 *       until no {@code a_i} moves by more than 1e-12 of the entries' spread, at most {@value #SWEEPS}); the residual scale {@code s = 1.4826·median |P[i][j] − μ − a_i − a_j|}.
 *       Medians ignore up to half the entries, so related pairs among the candidates (twins, versions of
 *       one family) stand out as residuals instead of moving the background.</li>
 *   <li>{@code D_i} = the target's mean distance to model i (raw: the pairwise means are raw). The target's
 *       own eccentricity {@code a_f = median_{i∈S}(D_i − μ − a_i)} over the active pool.</li>
 *   <li>{@code z_i = (D_i − μ − a_i − a_f) / s}; {@code T = min_{i∈S} z_i}; the nearest model is the argmin
 *       (ties: the lowest index).</li>
 *   <li>Null: a replicate fills the M×M off-diagonal (symmetrically when the given matrix is symmetric)
 *       and |S| target distances with independent standard normal values, fits the same model and takes
 *       the minimum of the same z's; {@code p = (1 + #{r : T*^(r) ≤ T}) / (R + 1)}. μ, the a's and s cancel
 *       from T, so the replicates need no estimate of them, and the |S|-fold minimum and the error of the
 *       fitted background are both counted.</li>
 * </ol>
 *
 * <p>Guarantee: exact up to the Monte-Carlo resolution {@code 1/(R+1)} when every mean distance between
 * unrelated models — the target's included — is {@code μ + a_i + a_j} plus independent normal noise of one
 * common spread (the target is exchangeable with an unrelated candidate). It does not assume unrelated
 * models equally far from the target, nor equally eccentric. Heavier-than-normal residual tails make it
 * anti-conservative; related pairs among the candidates inflate the scale a little (conservative).
 * Cost per step: R fits of an M×M matrix, {@code O(R·SWEEPS·M² log M)}; no pass over the prompts.
 */
public final class PairwiseCalibratedStep implements PoolStep {
    /** At most this many alternating-median sweeps of the two-way fit; it stops earlier once settled. */
    static final int SWEEPS = 50;

    private final double[][] pairwise;
    private final boolean symmetric;
    private final int replicates;

    /**
     * @param pairwise   candidate-to-candidate mean distances, aligned to the target matrix's rows
     *                   ({@link PairwiseDistances#alignedTo})
     * @param replicates R ≥ 1 null replicates per step
     */
    public PairwiseCalibratedStep(double[][] pairwise, int replicates) {
        if (replicates < 1) {
            throw new IllegalArgumentException("replicates must be at least 1, got " + replicates);
        }
        if (pairwise.length < 3) {
            throw new IllegalArgumentException("candidate-to-candidate distances need at least 3 models, got " + pairwise.length);
        }
        this.pairwise = pairwise;
        this.symmetric = isSymmetric(pairwise);
        this.replicates = replicates;
    }

    /**
     * The robust two-way fit of the candidate-to-candidate distances.
     *
     * @param overall      μ
     * @param eccentricity {@code a_i} of every model
     * @param scale        1.4826 × the median absolute residual
     */
    public record Background(double overall, double[] eccentricity, double scale) {
        /** The target's eccentricity {@code a_f}: the median of {@code D_i − μ − a_i} over the given models. */
        public double targetEccentricity(int[] models, double[] distances) {
            double[] excess = new double[models.length];
            for (int k = 0; k < models.length; k++) {
                excess[k] = distances[k] - overall - eccentricity[models[k]];
            }
            return RobustBackground.median(excess);
        }

        /** {@code (D − μ − a_i − a_f) / s}; 0 when the residual is 0, ±∞ when the scale is 0. */
        public double z(int model, double distance, double targetEccentricity) {
            double residual = distance - overall - eccentricity[model] - targetEccentricity;
            if (residual == 0) {
                return 0;
            }
            return scale > 0 ? residual / scale : Math.copySign(Double.POSITIVE_INFINITY, residual);
        }
    }

    /** The robust two-way fit of a square matrix of distances (the diagonal ignored). */
    public static Background background(double[][] pairwise) {
        int m = pairwise.length;
        double[] entries = new double[m * (m - 1)];
        double[] row = new double[m - 1];
        double[] a = new double[m];
        double overall = RobustBackground.median(offDiagonal(pairwise, a, 0, entries));
        double settled = 1e-12 * (1e-300 + spread(entries));
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            double moved = 0;
            for (int i = 0; i < m; i++) {
                int k = 0;
                for (int j = 0; j < m; j++) {
                    if (j != i) {
                        row[k++] = pairwise[i][j] - overall - a[j];
                    }
                }
                double next = RobustBackground.median(row);
                moved = Math.max(moved, Math.abs(next - a[i]));
                a[i] = next;
            }
            overall = RobustBackground.median(offDiagonal(pairwise, a, 0, entries));
            if (moved <= settled) {
                break;
            }
        }
        double[] residuals = offDiagonal(pairwise, a, overall, entries);
        for (int k = 0; k < residuals.length; k++) {
            residuals[k] = Math.abs(residuals[k]);
        }
        return new Background(overall, a, RobustBackground.MAD_TO_SD * RobustBackground.median(residuals));
    }

    @Override
    public StepOutcome test(double[][] rows, SplittableRandom random) {
        int[] all = new int[rows.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return test(all, rows, random);
    }

    @Override
    public StepOutcome test(int[] models, double[][] rows, SplittableRandom random) {
        MpsStep.checkPool(rows);
        if (models.length != rows.length) {
            throw new IllegalArgumentException(models.length + " model indices for " + rows.length + " rows");
        }
        Background background = background(pairwise);
        double[] distances = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            distances[k] = mean(rows[k]);
        }
        double target = background.targetEccentricity(models, distances);
        int nearest = 0;
        double observed = Double.POSITIVE_INFINITY;
        for (int k = 0; k < rows.length; k++) {
            double z = background.z(models[k], distances[k], target);
            if (z < observed) {
                observed = z;
                nearest = k;
            }
        }
        long atMost = 0;
        double[][] draw = new double[pairwise.length][pairwise.length];
        double[] targetDraw = new double[rows.length];
        int[] drawn = new int[rows.length];
        for (int k = 0; k < drawn.length; k++) {
            drawn[k] = k;
        }
        for (int r = 0; r < replicates; r++) {
            fillNull(draw, random);
            for (int k = 0; k < targetDraw.length; k++) {
                targetDraw[k] = random.nextGaussian();
            }
            Background replicate = background(draw);
            double replicateTarget = replicate.targetEccentricity(drawn, targetDraw);
            double min = Double.POSITIVE_INFINITY;
            for (int k = 0; k < targetDraw.length; k++) {
                min = Math.min(min, replicate.z(k, targetDraw[k], replicateTarget));
            }
            if (min <= observed) {
                atMost++;
            }
        }
        return new StepOutcome(nearest, observed, (1.0 + atMost) / (replicates + 1.0));
    }

    @Override
    public String method() {
        return ProvenanceMethod.CALIBRATED.label();
    }

    /** Independent standard normal off-diagonal entries, mirrored when the observed matrix is symmetric. */
    private void fillNull(double[][] draw, SplittableRandom random) {
        int m = draw.length;
        for (int i = 0; i < m; i++) {
            for (int j = symmetric ? i + 1 : 0; j < m; j++) {
                if (j != i) {
                    draw[i][j] = random.nextGaussian();
                    if (symmetric) {
                        draw[j][i] = draw[i][j];
                    }
                }
            }
        }
    }

    /** {@code P[i][j] − a_i − a_j − shift} for every off-diagonal entry, into {@code out}. */
    private static double[] offDiagonal(double[][] pairwise, double[] a, double shift, double[] out) {
        int k = 0;
        for (int i = 0; i < pairwise.length; i++) {
            for (int j = 0; j < pairwise.length; j++) {
                if (j != i) {
                    out[k++] = pairwise[i][j] - a[i] - a[j] - shift;
                }
            }
        }
        return out;
    }

    /** Largest minus smallest of values sorted ascending. */
    private static double spread(double[] sorted) {
        return sorted[sorted.length - 1] - sorted[0];
    }

    private static boolean isSymmetric(double[][] matrix) {
        for (int i = 0; i < matrix.length; i++) {
            for (int j = 0; j < i; j++) {
                if (matrix[i][j] != matrix[j][i]) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double mean(double[] row) {
        double sum = 0;
        for (double v : row) {
            sum += v;
        }
        return sum / row.length;
    }
}
