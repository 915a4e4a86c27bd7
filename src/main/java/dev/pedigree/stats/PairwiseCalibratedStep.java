package dev.pedigree.stats;

import dev.pedigree.error.BadInputException;
import java.util.SplittableRandom;

/**
 * The calibrated step when candidate-to-candidate distances are known ({@link PairwiseDistances}): the
 * null "the target is one more unrelated model" says its mean distances to the candidates look like the
 * candidates' mean distances to one another. Unrelated models are not equally far apart: some are far
 * from everything (another language, another tokenizer), so the background is a two-way model,
 * {@code P[i][j] ≈ b_i + b_j}, with {@code b_i} the eccentricity of model i — how far it sits from every
 * model, related or not.
 *
 * <ol>
 *   <li>Fit the {@code b_i} to the off-diagonal entries by Huber regression (iteratively reweighted least
 *       squares, tuning constant {@value #HUBER_K}, residual scale {@code s = 1.4826·median |r|} re-estimated
 *       each round, at most {@value #ROUNDS} rounds). Related pairs among the candidates (twins, versions
 *       of one family) are outlying residuals and get little weight instead of moving the background.
 *       Least squares rather than medians: a median fit sets many residuals of a small matrix to exactly
 *       0, which makes the scale — and so every z — erratic on pools of 6.</li>
 *   <li>{@code D_i} = the target's mean distance to model i (raw: the pairwise means are raw). The target's
 *       own eccentricity {@code b_f = median_{i∈S}(D_i − b_i)} over the active pool.</li>
 *   <li>{@code z_i = (D_i − b_i − b_f) / s}; {@code T = min_{i∈S} z_i}; the nearest model is the argmin
 *       (ties: the lowest index).</li>
 *   <li>Null: a replicate fills the M×M off-diagonal (symmetrically when the given matrix is symmetric)
 *       and |S| target distances with independent standard normal values, fits the same model and takes
 *       the minimum of the same z's; {@code p = (1 + #{r : T*^(r) ≤ T}) / (R + 1)}. The fit is equivariant
 *       (shifting every distance or scaling it leaves every z unchanged), so the replicates need no estimate
 *       of the background, and the |S|-fold minimum and the error of the fitted background are both
 *       counted.</li>
 * </ol>
 *
 * <p>Guarantee: exact up to the Monte-Carlo resolution {@code 1/(R+1)} when every mean distance between
 * unrelated models — the target's included — is {@code b_i + b_j} plus independent normal noise of one
 * common spread (the target is exchangeable with an unrelated candidate). It does not assume unrelated
 * models equally far from the target, nor equally eccentric. It is anti-conservative when unrelated
 * distances have structure the two-way model lacks (clusters: models of one language nearer each other than
 * eccentricities say) or heavier-than-normal tails; related pairs among the candidates inflate the scale a
 * little (conservative). Cost per step: R fits, {@code O(R·ROUNDS·M³)}; no pass over the prompts.
 */
public final class PairwiseCalibratedStep implements PoolStep {
    /** Huber's tuning constant: 95% efficiency at normal residuals. */
    static final double HUBER_K = 1.345;
    /** Reweighting rounds at most; the fit stops earlier once no eccentricity moves by 1e-7 of the data's range (z to about 6 digits). */
    static final int ROUNDS = 30;
    /**
     * Fewest models the background is fitted on. The two-way fit has one eccentricity per model, and M models
     * give M(M−1)/2 distinct pairs: with 3 models the fit is exact, the residual scale is rounding noise and
     * every z is meaningless (seen on the zoo: z ≈ −5·10¹⁵). With 4 there are 2 residual degrees of freedom.
     */
    public static final int MIN_MODELS = 4;

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
        requireFit(pairwise.length);
        this.pairwise = pairwise;
        this.symmetric = isSymmetric(pairwise);
        this.replicates = replicates;
    }

    /**
     * The two-way fit of the candidate-to-candidate distances.
     *
     * @param eccentricity {@code b_i} of every model ({@code P[i][j] ≈ b_i + b_j})
     * @param scale        1.4826 × the median absolute residual
     */
    public record Background(double[] eccentricity, double scale) {
        /** The target's eccentricity {@code b_f}: the median of {@code D_i − b_i} over the given models. */
        public double targetEccentricity(int[] models, double[] distances) {
            double[] excess = new double[models.length];
            for (int k = 0; k < models.length; k++) {
                excess[k] = distances[k] - eccentricity[models[k]];
            }
            return RobustBackground.median(excess);
        }

        /** {@code (D − b_i − b_f) / s}; 0 when the residual is 0, ±∞ when the scale is 0. */
        public double z(int model, double distance, double targetEccentricity) {
            double residual = distance - eccentricity[model] - targetEccentricity;
            if (residual == 0) {
                return 0;
            }
            return scale > 0 ? residual / scale : Math.copySign(Double.POSITIVE_INFINITY, residual);
        }
    }

    /** Whether distances among this many models can fit a background (at least {@value #MIN_MODELS}). */
    public static boolean canFit(int models) {
        return models >= MIN_MODELS;
    }

    private static void requireFit(int models) {
        if (!canFit(models)) {
            throw new BadInputException("a background of candidate-to-candidate distances needs at least " + MIN_MODELS + " models, got "
                    + models + ": with 3 the two-way fit is exact (3 distances, 3 eccentricities) and leaves no residual scale; "
                    + "calibrate against the target's row instead");
        }
    }

    /**
     * The Huber two-way fit of a square matrix of distances (the diagonal ignored).
     *
     * @throws BadInputException with fewer than {@value #MIN_MODELS} models
     */
    public static Background background(double[][] pairwise) {
        int m = pairwise.length;
        requireFit(m);
        double[] weights = new double[m * m];
        java.util.Arrays.fill(weights, 1);
        double[] b = new double[m];
        double[] residuals = new double[m * (m - 1)];
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                if (i != j) {
                    lowest = Math.min(lowest, pairwise[i][j]);
                    highest = Math.max(highest, pairwise[i][j]);
                }
            }
        }
        double settled = 1e-7 * (highest - lowest);
        double scale = 0;
        for (int round = 0; round < ROUNDS; round++) {
            double[] next = weightedFit(pairwise, weights);
            double moved = 0;
            for (int i = 0; i < m; i++) {
                moved = Math.max(moved, Math.abs(next[i] - b[i]));
            }
            b = next;
            scale = RobustBackground.MAD_TO_SD * medianAbsoluteResidual(pairwise, b, residuals);
            if (scale == 0 || (round > 0 && moved <= settled)) {
                break;
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    if (i != j) {
                        double u = Math.abs(pairwise[i][j] - b[i] - b[j]) / (HUBER_K * scale);
                        weights[i * m + j] = u <= 1 ? 1 : 1 / u;
                    }
                }
            }
        }
        return new Background(b, scale);
    }

    /** Weighted least squares for {@code P[i][j] ≈ b_i + b_j} over the off-diagonal: the normal equations, solved. */
    private static double[] weightedFit(double[][] pairwise, double[] weights) {
        int m = pairwise.length;
        double[][] normal = new double[m][m + 1];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                if (i != j) {
                    double w = weights[i * m + j];
                    double y = pairwise[i][j];
                    normal[i][i] += w;
                    normal[j][j] += w;
                    normal[i][j] += w;
                    normal[j][i] += w;
                    normal[i][m] += w * y;
                    normal[j][m] += w * y;
                }
            }
        }
        return solve(normal);
    }

    /**
     * Gaussian elimination with partial pivoting on an augmented {@code m × (m+1)} system. The system of
     * the two-way fit is positive definite for m ≥ 3 with positive weights (the pairs of a triangle already
     * separate every b), so no pivot vanishes.
     */
    private static double[] solve(double[][] a) {
        int m = a.length;
        for (int col = 0; col < m; col++) {
            int pivot = col;
            for (int r = col + 1; r < m; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int r = col + 1; r < m; r++) {
                double factor = a[r][col] / a[col][col];
                for (int c = col; c <= m; c++) {
                    a[r][c] -= factor * a[col][c];
                }
            }
        }
        double[] x = new double[m];
        for (int r = m - 1; r >= 0; r--) {
            double sum = a[r][m];
            for (int c = r + 1; c < m; c++) {
                sum -= a[r][c] * x[c];
            }
            x[r] = sum / a[r][r];
        }
        return x;
    }

    private static double medianAbsoluteResidual(double[][] pairwise, double[] b, double[] out) {
        int k = 0;
        for (int i = 0; i < pairwise.length; i++) {
            for (int j = 0; j < pairwise.length; j++) {
                if (i != j) {
                    out[k++] = Math.abs(pairwise[i][j] - b[i] - b[j]);
                }
            }
        }
        return RobustBackground.median(out);
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
