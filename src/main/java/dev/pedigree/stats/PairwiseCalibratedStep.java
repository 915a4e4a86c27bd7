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
 *   <li>Fit the {@code b_i} to the off-diagonal entries of the unrelated pairs ({@link #background}): start
 *       from a median polish ({@code b_i = median_j(P[i][j] − b_j)}, which a family does not drag down while
 *       fewer than half of a model's pairs are related) and its scale {@code 1.4826·median |r|}; then, until
 *       the kept set stops changing, keep the entries no more than {@value #RELATED} scales below the fit,
 *       refit them by least squares and take the scale as the residual standard deviation
 *       {@code s = sqrt(Σ r² / (pairs − M))}. Related pairs among the candidates (twins, a family of three
 *       or five versions) lie 8–20 scales below and leave the background; before they did, a family's
 *       low pairs widened the scale and pulled its members' eccentricities down, and a pool of two families
 *       of three hid even the target's own fp16 copy (z = −0.9). The cut is one-sided (relatedness only
 *       brings models nearer) and re-judged every round, so a pair a rough start cut wrongly comes back.</li>
 *   <li>{@code D_i} = the target's mean distance to model i (raw: the pairwise means are raw). The target's
 *       own eccentricity {@code b_f = median_{i∈S}(D_i − b_i)} over the active pool.</li>
 *   <li>{@code z_i = (D_i − b_i − b_f) / (s·sqrt(w_i))}, studentised by the distance's own sampling error:
 *       {@code w_i = (τ² + SE_i²) / (τ² + mean SE²)} ({@link #weights}), {@code SE_i²} the variance of the mean
 *       of the target's row i over the prompts, the prompt effect every model shares removed
 *       ({@link #samplingVariances}), {@code τ² = max(0, s² − mean SE²)} the misfit of the two-way model. A
 *       noisy candidate's distance wanders further from its fit than a pair's, and the minimum over the pool
 *       finds it: with one common scale the simulated two-way world of {@code pairwise-null.json} (per-model
 *       noise SDs e^±0.5) reached 7.5% and 8.5% at α = 0.05 with 20 and 50 candidates, 5.9% and 5.5% with
 *       equal noise. {@code T = min_{i∈S} z_i}; the nearest model is the argmin (ties: the lowest index).</li>
 *   <li>Null: a replicate fills the entries the observed fit kept as unrelated (symmetrically when the
 *       given matrix is symmetric) with independent normal values of variance {@code w} of a pair — the mean
 *       of its two models' {@code SE²} in place of {@code SE_i²} — and |S| target distances with variance
 *       {@code w_i}, runs the same fit on that design — exclusions included — and takes the minimum of the
 *       same z's with the same weights; {@code p = (1 + #{r : T*^(r) ≤ T}) / (R + 1)}. The fit is
 *       equivariant (shifting every distance or scaling it leaves every z unchanged), so the replicates need
 *       no estimate of the background, and the |S|-fold minimum, the error of the fitted background and the
 *       pairs the design lost are all counted.</li>
 * </ol>
 *
 * <p>Guarantee: up to the Monte-Carlo resolution {@code 1/(R+1)}, when every mean distance between
 * unrelated models — the target's included — is {@code b_i + b_j} plus independent normal noise, a misfit of
 * one common spread plus each mean's sampling error (the target is exchangeable with an unrelated candidate),
 * a pair's mean as noisy as the average of its two models' target distances, and the pairs left out are the
 * related ones; the weights are taken as known (they come from the observed rows). Conditioning on the
 * observed design is exact when the pairs left out are the related ones, and an unrelated pair cut by
 * chance (0.13% of them) narrows the observed scale a little more than the replicates'. With one prompt
 * (no standard errors) every weight is 1 and the test is the common-scale one. It does not assume
 * unrelated models equally far from the target, nor equally eccentric, nor equally noisy, nor the candidates
 * unrelated to one another. It is anti-conservative when unrelated distances have structure the two-way
 * model lacks (clusters: models of one language nearer each other than eccentricities say) or
 * heavier-than-normal tails.
 * When the kept pairs of two families all run across (no odd cycle: {@code b_A + c, b_B − c} fit equally
 * well) the fit takes the most even split of that contrast ({@link #weightedFit}): the test then assumes the
 * two families equally eccentric. Cost per step: R fits, {@code O(R·ROUNDS·M³)}; no pass over the prompts.
 */
public final class PairwiseCalibratedStep implements PoolStep {
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

    private final double[][] pairwise;
    private final boolean symmetric;
    private final int replicates;
    private final Background background;
    /** The entries the observed fit kept: the design every replicate is drawn on. */
    private final boolean[] unrelated;

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
        this.background = background(pairwise);
        this.unrelated = new boolean[background.related().length];
        for (int i = 0; i < pairwise.length; i++) {
            for (int j = 0; j < pairwise.length; j++) {
                unrelated[i * pairwise.length + j] = i != j && !background.related()[i * pairwise.length + j];
            }
        }
    }

    /**
     * The two-way fit of the candidate-to-candidate distances.
     *
     * @param eccentricity {@code b_i} of every model ({@code P[i][j] ≈ b_i + b_j})
     * @param scale        1.4826 × the median absolute residual of the pairs the fit kept
     * @param related      {@code related[i·M + j]}: the entry lay more than {@link #relatedCut} scales below the
     *                     fit and was left out of it as a related pair
     */
    public record Background(double[] eccentricity, double scale, boolean[] related) {
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
     * The two-way fit of a square matrix of distances (the diagonal ignored), related pairs excluded.
     *
     * @throws BadInputException with fewer than {@value #MIN_MODELS} models
     */
    public static Background background(double[][] pairwise) {
        int m = pairwise.length;
        requireFit(m);
        boolean[] usable = new boolean[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                usable[i * m + j] = i != j;
            }
        }
        return background(pairwise, usable);
    }

    /**
     * The fit on the entries {@code usable} marks ({@code usable[i·m + j]}): a median-polish start, then
     * rounds that keep every usable entry at most {@link #relatedCut} residual scales below the current fit and
     * refit the kept ones by least squares, until the kept set stops changing. The replicates of {@link #test} call it with
     * the observed fit's unrelated entries, so the null is drawn on the same design and goes through the same
     * exclusions.
     */
    static Background background(double[][] pairwise, boolean[] usable) {
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
        return new Background(b, scale, related);
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
        double[] distances = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            distances[k] = mean(rows[k]);
        }
        double[] sampling = samplingVariances(rows);
        double[] weights = weights(background.scale(), sampling);
        double[] z = z(background, models, distances, weights);
        int nearest = 0;
        for (int k = 1; k < z.length; k++) {
            if (z[k] < z[nearest]) {
                nearest = k;
            }
        }
        double observed = z[nearest];
        double[][] pairSpread = pairSpread(background.scale(), models, sampling);
        long atMost = 0;
        double[][] draw = new double[pairwise.length][pairwise.length];
        double[] targetDraw = new double[rows.length];
        for (int r = 0; r < replicates; r++) {
            fillNull(draw, pairSpread, random);
            for (int k = 0; k < targetDraw.length; k++) {
                targetDraw[k] = Math.sqrt(weights[k]) * random.nextGaussian();
            }
            double[] replicate = z(background(draw, unrelated), models, targetDraw, weights);
            double min = Double.POSITIVE_INFINITY;
            for (double v : replicate) {
                min = Math.min(min, v);
            }
            if (min <= observed) {
                atMost++;
            }
        }
        return new StepOutcome(nearest, observed, (1.0 + atMost) / (replicates + 1.0));
    }

    /**
     * The studentised z of every active model: {@code (D_k − b_k − b_f) / (s·sqrt(w_k))}, with {@code s} the
     * pairs' residual scale and {@code w_k} the target distance's variance relative to a pair's
     * ({@link #weights}). Scale-equivariant like the common-scale z, so a replicate drawn with unit pair noise
     * and target noise of variance {@code w_k}, refitted, gives the null distribution of the minimum with the
     * |S|-fold minimum and the error of the fitted {@code b}, {@code b_f} and {@code s} counted.
     *
     * @param models    the active models' indices into the background
     * @param distances the target's mean distance to each active model
     * @param weights   {@code w_k} of each
     */
    static double[] z(Background background, int[] models, double[] distances, double[] weights) {
        double target = background.targetEccentricity(models, distances);
        double[] z = new double[models.length];
        for (int k = 0; k < models.length; k++) {
            double residual = distances[k] - background.eccentricity()[models[k]] - target;
            double spread = background.scale() * Math.sqrt(weights[k]);
            z[k] = residual == 0 ? 0 : spread > 0 ? residual / spread : Math.copySign(Double.POSITIVE_INFINITY, residual);
        }
        return z;
    }

    /** The studentised z of every active model, its rows given: what {@link #test} ranks and reports. */
    public static double[] z(Background background, int[] models, double[][] rows) {
        double[] distances = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            distances[k] = mean(rows[k]);
        }
        return z(background, models, distances, weights(background.scale(), samplingVariances(rows)));
    }

    /**
     * {@code w_k = (τ² + SE_k²) / (τ² + mean_j SE_j²)}: how much more (or less) the target's distance to model k
     * varies than a pair's. A pair's residual variance {@code s²} is the misfit of the two-way model
     * {@code τ²} plus the sampling error of the pair's own mean, which the pairwise input does not carry (a
     * {@code --pairwise} CSV holds means only); a pair's mean over the same prompts is taken to have the
     * sampling variance of a typical target distance, the average of the active {@code SE_j²}, so
     * {@code τ² = max(0, s² − mean_j SE_j²)}. The weights are fixed from the observed data and the scale is
     * left to {@code s}: a test that also plugged the estimated {@code τ²} into its replicates' absolute noise
     * was not pivotal and reached 13.7% at α = 0.05 in pools of 6 (9 residual degrees of freedom; 300 pools of
     * {@code pairwise-null.json}), where a
     * noisy τ² moves only the weights here. All 1 when the target's rows give no standard errors (one prompt).
     */
    static double[] weights(double scale, double[] sampling) {
        RelativeVariance relative = RelativeVariance.of(scale, sampling);
        double[] weights = new double[sampling.length];
        for (int k = 0; k < weights.length; k++) {
            weights[k] = relative.of(sampling[k]);
        }
        return weights;
    }

    /**
     * The spread of each pair's null draw relative to the pairs' common scale, {@code sqrt(w)} of a pair whose
     * mean carries the sampling error of both its models, {@code (SE_i² + SE_j²)/2} (the noisier model's the
     * most); a model not in the active pool (its row not at hand) counts as average.
     */
    private double[][] pairSpread(double scale, int[] models, double[] sampling) {
        int m = pairwise.length;
        RelativeVariance relative = RelativeVariance.of(scale, sampling);
        double[] own = new double[m];
        java.util.Arrays.fill(own, relative.average());
        for (int k = 0; k < models.length; k++) {
            own[models[k]] = sampling[k];
        }
        double[][] spread = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                spread[i][j] = Math.sqrt(relative.of((own[i] + own[j]) / 2));
            }
        }
        return spread;
    }

    /**
     * {@code (τ² + v) / (τ² + average)} for a sampling variance v, with {@code τ² = max(0, s² − average)}; 1
     * when both are 0.
     */
    private record RelativeVariance(double misfit, double average) {
        static RelativeVariance of(double scale, double[] sampling) {
            double average = 0;
            for (double v : sampling) {
                average += v;
            }
            average /= sampling.length;
            return new RelativeVariance(Math.max(0, scale * scale - average), average);
        }

        double of(double variance) {
            return misfit + average > 0 ? (misfit + variance) / (misfit + average) : 1;
        }
    }

    /**
     * The sampling variance of each row's mean, {@code σ_k²/N}, with the part every model shares on a prompt
     * (its difficulty, which {@code b_f} absorbs) removed. The rows are centred per prompt,
     * {@code c_k,t = L_k,t − mean_j L_j,t}; with independent model noise of variance {@code σ_k²},
     * {@code var(c_k) = σ_k²(1 − 2/m) + S/m²} where {@code S = Σ σ_j²}, so {@code Σ_k var(c_k) = S(m − 1)/m}
     * and {@code σ_k² = (var(c_k) − S/m²) / (1 − 2/m)} (m ≥ 3; with two models only {@code S/2} each is
     * identifiable). Unbiased sample variances; 0 with one prompt (the mean's error is then unknown).
     */
    static double[] samplingVariances(double[][] rows) {
        int m = rows.length;
        int n = rows[0].length;
        double[] variances = new double[m];
        if (n < 2) {
            return variances;
        }
        double[] centre = new double[n];
        for (int t = 0; t < n; t++) {
            for (double[] row : rows) {
                centre[t] += row[t];
            }
            centre[t] /= m;
        }
        double total = 0;
        for (int k = 0; k < m; k++) {
            double sum = 0;
            for (int t = 0; t < n; t++) {
                sum += rows[k][t] - centre[t];
            }
            double mean = sum / n;
            double squares = 0;
            for (int t = 0; t < n; t++) {
                double d = rows[k][t] - centre[t] - mean;
                squares += d * d;
            }
            variances[k] = squares / (n - 1);
            total += variances[k];
        }
        double shared = total * m / (m - 1.0);
        for (int k = 0; k < m; k++) {
            double own = m == 2 ? shared / 2 : (variances[k] - shared / ((double) m * m)) / (1 - 2.0 / m);
            variances[k] = Math.max(0, own) / n;
        }
        return variances;
    }

    @Override
    public String method() {
        return ProvenanceMethod.CALIBRATED.label();
    }

    /** Independent normal off-diagonal entries of the given spreads, mirrored when the observed matrix is symmetric. */
    private void fillNull(double[][] draw, double[][] spread, SplittableRandom random) {
        int m = draw.length;
        for (int i = 0; i < m; i++) {
            for (int j = symmetric ? i + 1 : 0; j < m; j++) {
                if (j != i) {
                    draw[i][j] = spread[i][j] * random.nextGaussian();
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
