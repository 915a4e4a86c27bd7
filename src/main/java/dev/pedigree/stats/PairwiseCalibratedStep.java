package dev.pedigree.stats;

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
 *   <li>Fit the {@code b_i} to the off-diagonal entries of the unrelated pairs ({@link PairwiseBackground#fit}): start
 *       from a median polish ({@code b_i = median_j(P[i][j] − b_j)}, which a family does not drag down while
 *       fewer than half of a model's pairs are related) and its scale {@code 1.4826·median |r|}; then, until
 *       the kept set stops changing, keep the entries no more than {@value PairwiseBackground#RELATED} scales below the fit,
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
 * well) the fit takes the most even split of that contrast ({@link PairwiseBackground}): the test then assumes the
 * two families equally eccentric. Cost per step: R fits, {@code O(R·PairwiseBackground.ROUNDS·M³)}; no pass over the prompts.
 */
public final class PairwiseCalibratedStep implements PoolStep {
    private final double[][] pairwise;
    private final boolean symmetric;
    private final int replicates;
    private final PairwiseBackground background;
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
        PairwiseBackground.requireFit(pairwise.length);
        this.pairwise = pairwise;
        this.symmetric = PairwiseBackground.isSymmetric(pairwise);
        this.replicates = replicates;
        this.background = PairwiseBackground.fit(pairwise);
        this.unrelated = new boolean[background.related().length];
        for (int i = 0; i < pairwise.length; i++) {
            for (int j = 0; j < pairwise.length; j++) {
                unrelated[i * pairwise.length + j] = i != j && !background.related()[i * pairwise.length + j];
            }
        }
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
            double[] replicate = z(PairwiseBackground.fit(draw, unrelated), models, targetDraw, weights);
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
    static double[] z(PairwiseBackground background, int[] models, double[] distances, double[] weights) {
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
    public static double[] z(PairwiseBackground background, int[] models, double[][] rows) {
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

    private static double mean(double[] row) {
        double sum = 0;
        for (double v : row) {
            sum += v;
        }
        return sum / row.length;
    }
}
