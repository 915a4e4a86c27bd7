package dev.pedigree.stats;

import java.util.SplittableRandom;

/**
 * The calibrated step: is the nearest model of the pool nearer the target than unrelated models are?
 * The paper's step ({@link MpsStep}) asks whether the models are all equally far, a null that real pools
 * of unrelated models break; this step instead estimates the background spread of unrelated distances
 * from the pool and asks whether the nearest model is an outlier below it.
 *
 * <ol>
 *   <li>Centre every prompt over the pool ({@code E[i][t] = L[i][t] − mean_j L[j][t]}, as the paper does),
 *       and take each model's mean {@code d_i = mean_t E[i][t]} and squared standard error
 *       {@code v_i = var_t(E[i][t]) / N}.</li>
 *   <li>Background: {@link RobustBackground} — median and 1.4826·MAD of the {@code d_i}, and the
 *       between-model spread {@code τ̂² = max(0, scale² − median v)}.</li>
 *   <li>{@code z_i = (d_i − median) / scale}; {@code T = min_i z_i}; the nearest model is the argmin
 *       (ties: the lowest index).</li>
 *   <li>Null, "every model of the pool is an unrelated draw from the background": a replicate draws
 *       {@code d*_i = τ̂·g_i + sqrt(v_i)·h_i} with {@code g, h} independent standard normal, re-estimates
 *       the background from the {@code d*} and takes {@code T* = min_i z*_i}. The |S|-fold minimum is
 *       thus accounted for exactly as the observed T was formed.
 *       {@code p = (1 + #{r : T*^(r) ≤ T}) / (R + 1)}.</li>
 * </ol>
 *
 * <p>Guarantee: when the unrelated models' mean distances are independent normal draws
 * {@code μ + τ·g_i} observed with normal error of variance {@code v_i}, and the v_i are equal, T is a
 * pivot (location and scale cancel) and the test is exact for any μ and τ up to the Monte-Carlo
 * resolution {@code 1/(R+1)}. With unequal {@code v_i} the null depends on {@code τ/√v} only through the
 * plug-in {@code τ̂}; simulation (experiments/coverage-sim, "calibrated" scenarios) shows rejection rates
 * within Monte-Carlo error of α for pools of 6 to 50 models. Heavier-than-normal background tails make
 * the test anti-conservative; relatives of one another inside the pool (twins) make it conservative for
 * them and slightly shrink the scale for the rest. The MAD ignores up to half the pool, so the
 * target's relatives do not hide themselves by widening the background.
 *
 * <p>Cost O(|S|·N) for the means plus O(R·|S| log |S|) for the replicates (no pass over the prompts),
 * so one thread is enough. The same rows and stream give the same outcome bit for bit.
 */
public final class BackgroundCalibratedStep implements PoolStep {
    private final int replicates;

    /** @param replicates R ≥ 1 draws from the background null per step */
    public BackgroundCalibratedStep(int replicates) {
        if (replicates < 1) {
            throw new IllegalArgumentException("replicates must be at least 1, got " + replicates);
        }
        this.replicates = replicates;
    }

    /** Each model's mean centred distance, its squared standard error, the background and the z's. */
    public record Fit(double[] means, double[] variances, RobustBackground background, double[] z) {
    }

    /** The statistic of every model of the pool (no resampling). */
    public static Fit fit(double[][] rows) {
        int m = rows.length;
        int n = rows[0].length;
        double[] sums = new double[m];
        double[] squares = new double[m];
        for (int t = 0; t < n; t++) {
            double centre = 0;
            for (double[] row : rows) {
                centre += row[t];
            }
            centre /= m;
            for (int i = 0; i < m; i++) {
                double e = rows[i][t] - centre;
                sums[i] += e;
                squares[i] += e * e;
            }
        }
        double[] means = new double[m];
        double[] variances = new double[m];
        for (int i = 0; i < m; i++) {
            means[i] = sums[i] / n;
            variances[i] = Math.max(0, (squares[i] - sums[i] * means[i]) / (n - 1)) / n;
        }
        RobustBackground background = RobustBackground.of(means, variances);
        double[] z = new double[m];
        for (int i = 0; i < m; i++) {
            z[i] = background.z(means[i]);
        }
        return new Fit(means, variances, background, z);
    }

    @Override
    public StepOutcome test(double[][] rows, SplittableRandom random) {
        MpsStep.checkPool(rows);
        Fit fit = fit(rows);
        int nearest = argmin(fit.z());
        double observed = fit.z()[nearest];
        int m = rows.length;
        double[] noise = new double[m];
        for (int i = 0; i < m; i++) {
            noise[i] = Math.sqrt(fit.variances()[i]);
        }
        double spread = fit.background().spread();
        double[] draw = new double[m];
        long atMost = 0;
        for (int r = 0; r < replicates; r++) {
            for (int i = 0; i < m; i++) {
                draw[i] = spread * random.nextGaussian() + noise[i] * random.nextGaussian();
            }
            RobustBackground replicate = RobustBackground.of(draw, fit.variances());
            double min = Double.POSITIVE_INFINITY;
            for (double d : draw) {
                min = Math.min(min, replicate.z(d));
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

    private static int argmin(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return best;
    }
}
