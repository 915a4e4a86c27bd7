package dev.pedigree.stats;

import dev.pedigree.error.BadInputException;

/**
 * The two-way background of candidate-to-candidate distances that {@link PairwiseCalibratedStep} tests the
 * target against: {@code P[i][j] ≈ b_i + b_j}, related pairs left out (the fit is described there, step 1).
 *
 * @param eccentricity {@code b_i} of every model ({@code P[i][j] ≈ b_i + b_j})
 * @param scale        the residual standard deviation of the pairs the fit kept, {@code sqrt(Σ r² / (pairs − M))}
 * @param related      {@code related[i·M + j]}: the entry lay more than {@link #relatedCut} scales below the
 *                     fit and was left out of it as a related pair
 */
public record PairwiseBackground(double[] eccentricity, double scale, boolean[] related) {
    /** Rounds of exclusion (and median-polish sweeps) at most; a polish stops earlier once no eccentricity moves by 1e-7 of the data's range. */
    static final int ROUNDS = 30;
    /**
     * An entry this many residual scales below the fit is a related pair and leaves the background: 0.13% of
     * normal residuals lie there, a family's pairs 8–20 scales below (zoo, centred logits). One-sided:
     * relatedness only ever brings models nearer.
     */
    static final double RELATED = 3;
    /**
     * Fewest models the background is fitted on. The two-way fit has one eccentricity per model, and M models
     * give M(M−1)/2 distinct pairs: with 3 models the fit is exact, the residual scale is rounding noise and
     * every z is meaningless (seen on the zoo: z ≈ −5·10¹⁵). With 4 there are 2 residual degrees of freedom.
     */
    public static final int MIN_MODELS = 4;

    /** The number of off-diagonal entries left out as related pairs. */
    public int relatedEntries() {
        int n = 0;
        for (boolean r : related) {
            n += r ? 1 : 0;
        }
        return n;
    }

    /** The target's eccentricity {@code b_f}: the median of {@code D_i − b_i} over the given models. */
    public double targetEccentricity(int[] models, double[] distances) {
        double[] excess = new double[models.length];
        for (int k = 0; k < models.length; k++) {
            excess[k] = distances[k] - eccentricity[models[k]];
        }
        return RobustBackground.median(excess);
    }

    /** Whether distances among this many models can fit a background (at least {@value #MIN_MODELS}). */
    public static boolean canFit(int models) {
        return models >= MIN_MODELS;
    }

    static void requireFit(int models) {
        if (!canFit(models)) {
            throw new BadInputException("a background of candidate-to-candidate distances needs at least " + MIN_MODELS + " models, got "
                    + models + ": with 3 the two-way fit is exact (3 distances, 3 eccentricities) and leaves no residual scale; "
                    + "calibrate against the target's row instead");
        }
    }

    /**
     * The two-way fit of a square matrix of distances (the diagonal ignored), related pairs excluded.
     *
     * @throws BadInputException with fewer than {@value #MIN_MODELS} models
     */
    public static PairwiseBackground fit(double[][] pairwise) {
        int m = pairwise.length;
        requireFit(m);
        boolean[] usable = new boolean[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                usable[i * m + j] = i != j;
            }
        }
        return fit(pairwise, usable);
    }

    /**
     * The fit on the entries {@code usable} marks ({@code usable[i·m + j]}): a median-polish start, then
     * rounds that keep every usable entry at most {@link #relatedCut} residual scales below the current fit and
     * refit the kept ones by least squares, until the kept set stops changing. The replicates of {@link PairwiseCalibratedStep#test} call it with
     * the observed fit's unrelated entries, so the null is drawn on the same design and goes through the same
     * exclusions.
     */
    static PairwiseBackground fit(double[][] pairwise, boolean[] usable) {
        int m = pairwise.length;
        boolean[] kept = usable.clone();
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (int e = 0; e < kept.length; e++) {
            if (kept[e]) {
                lowest = Math.min(lowest, pairwise[e / m][e % m]);
                highest = Math.max(highest, pairwise[e / m][e % m]);
            }
        }
        double settled = 1e-7 * (highest - lowest);
        double[] b = medianPolish(pairwise, kept, settled);
        double[] residuals = new double[kept.length];
        double scale = RobustBackground.MAD_TO_SD * medianAbsoluteResidual(pairwise, b, kept, residuals);
        for (int round = 0; round < ROUNDS; round++) {
            double cut = relatedCut(kept, m);
            if (round > 0 && scale == 0 && Double.isFinite(cut)) {
                break; // the kept entries are exactly additive: nothing to judge against
            }
            // a median start with scale 0 (it fits many entries of a small design exactly) judges nothing either
            boolean judged = Double.isFinite(cut) && scale > 0;
            boolean changed = false;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    int entry = i * m + j;
                    // a design left without residual degrees of freedom cannot judge a pair: every entry comes back
                    boolean unrelated = usable[entry] && (!judged || pairwise[i][j] - b[i] - b[j] >= -cut * scale);
                    changed |= unrelated != kept[entry];
                    kept[entry] = unrelated;
                }
            }
            if (round > 0 && !changed) {
                break;
            }
            double[] weights = new double[kept.length];
            for (int e = 0; e < kept.length; e++) {
                weights[e] = kept[e] ? 1 : 0;
            }
            b = weightedFit(pairwise, weights);
            scale = residualStandardDeviation(pairwise, b, kept);
        }
        boolean[] related = new boolean[kept.length];
        for (int e = 0; e < kept.length; e++) {
            related[e] = usable[e] && !kept[e];
        }
        return new PairwiseBackground(b, scale, related);
    }

    /**
     * How many residual scales below the fit an entry must lie to leave it: {@value #RELATED}, or infinitely
     * many (nothing leaves, everything comes back) when the kept design has no residual degree of freedom
     * (pairs ≤ models) — a saturated fit has scale 0 and cannot judge a pair.
     */
    private static double relatedCut(boolean[] kept, int m) {
        int entries = 0;
        for (boolean k : kept) {
            entries += k ? 1 : 0;
        }
        // a pair is two entries when the matrix is symmetric; counting entries / 2 errs towards "saturated"
        return entries / 2 > m ? RELATED : Double.POSITIVE_INFINITY;
    }

    /**
     * Robust start: {@code b_i = median(P[i][j] − b_j)} over model i's kept entries (row and column), swept
     * until no {@code b} moves by more than {@code settled} ({@value #ROUNDS} sweeps at most), from
     * {@code b_i} = half the median of its entries. Unlike least squares it is not dragged down by a family:
     * a model's b stays put while fewer than half of its pairs are related.
     */
    private static double[] medianPolish(double[][] pairwise, boolean[] kept, double settled) {
        int m = pairwise.length;
        double[] b = new double[m];
        double[] values = new double[2 * m];
        for (int i = 0; i < m; i++) {
            int n = entries(pairwise, kept, i, new double[m], values);
            b[i] = n == 0 ? 0 : 0.5 * median(values, n);
        }
        for (int sweep = 0; sweep < ROUNDS; sweep++) {
            double moved = 0;
            for (int i = 0; i < m; i++) {
                int n = entries(pairwise, kept, i, b, values);
                if (n > 0) {
                    double next = median(values, n);
                    moved = Math.max(moved, Math.abs(next - b[i]));
                    b[i] = next;
                }
            }
            if (moved <= settled) {
                break;
            }
        }
        return b;
    }

    /** Model i's kept entries minus the other model's b, into {@code out}; returns their count. */
    private static int entries(double[][] pairwise, boolean[] kept, int i, double[] b, double[] out) {
        int m = pairwise.length;
        int n = 0;
        for (int j = 0; j < m; j++) {
            if (kept[i * m + j]) {
                out[n++] = pairwise[i][j] - b[j];
            }
            if (kept[j * m + i]) {
                out[n++] = pairwise[j][i] - b[j];
            }
        }
        return n;
    }

    private static double median(double[] values, int n) {
        return RobustBackground.median(java.util.Arrays.copyOf(values, n));
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
        // A vanishing pull towards equal eccentricities: it leaves every identifiable fit as it is (1e-12 of the
        // weight) and settles the one contrast a design without odd cycles cannot (two families whose
        // unrelated pairs all run across: b_A + c, b_B − c fit equally well) at its most even value.
        double trace = 0;
        for (int i = 0; i < m; i++) {
            trace += normal[i][i];
        }
        double ridge = 1e-12 * trace / m;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                normal[i][j] += ridge * ((i == j ? 1 : 0) - 1.0 / m);
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

    /**
     * {@code sqrt(Σ r² / (n − M))} over the kept entries, a pair counted once when the matrix is symmetric:
     * unbiased for the variance of the unrelated pairs' noise on designs of any size, where the MAD of a
     * near-saturated fit collapses (many residuals exactly 0). 0 when no degree of freedom is left.
     */
    private static double residualStandardDeviation(double[][] pairwise, double[] b, boolean[] kept) {
        int m = pairwise.length;
        boolean symmetric = isSymmetric(pairwise);
        double squares = 0;
        int n = 0;
        for (int i = 0; i < m; i++) {
            for (int j = symmetric ? i + 1 : 0; j < m; j++) {
                if (kept[i * m + j] && (!symmetric || kept[j * m + i])) {
                    double r = pairwise[i][j] - b[i] - b[j];
                    squares += r * r;
                    n++;
                }
            }
        }
        return n > m ? Math.sqrt(squares / (n - m)) : 0;
    }

    private static double medianAbsoluteResidual(double[][] pairwise, double[] b, boolean[] kept, double[] out) {
        int m = pairwise.length;
        int k = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                if (kept[i * m + j]) {
                    out[k++] = Math.abs(pairwise[i][j] - b[i] - b[j]);
                }
            }
        }
        return k == 0 ? 0 : median(out, k);
    }

    static boolean isSymmetric(double[][] matrix) {
        for (int i = 0; i < matrix.length; i++) {
            for (int j = 0; j < i; j++) {
                if (matrix[i][j] != matrix[j][i]) {
                    return false;
                }
            }
        }
        return true;
    }
}
