package dev.pedigree.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.error.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The calibrated step against candidate-to-candidate distances, on simulated pools of models with very
 * unequal eccentricity: {@code P[i][j] = 0.5 + a_i + a_j + 0.03·e_ij}, {@code a_i ~ 0.1·N(0,1)} (a spread of
 * unrelated distances three times the noise), and the target one more such model.
 */
class PairwiseCalibratedStepTest {
    private static final int POOLS = 300;

    /** models + 1 eccentricities; the last model is the target. Rows of the target matrix: N prompts around the means. */
    private record World(DistanceMatrix matrix, PairwiseDistances pairwise) {
    }

    private static World world(int models, int sources, boolean twins, SplittableRandom data) {
        int total = models + 1;
        double[] a = new double[total];
        for (int i = 0; i < total; i++) {
            a[i] = 0.1 * data.nextGaussian();
        }
        double[][] p = new double[total][total];
        for (int i = 0; i < total; i++) {
            for (int j = i + 1; j < total; j++) {
                p[i][j] = 0.5 + a[i] + a[j] + 0.03 * data.nextGaussian();
                p[j][i] = p[i][j];
            }
        }
        for (int s = 0; s < sources; s++) {
            p[s][models] = p[models][s] = 0.02 + 0.01 * data.nextDouble();
        }
        if (twins) {
            p[models - 1][models - 2] = p[models - 2][models - 1] = 0.01;
        }
        List<String> names = SimulatedPools.names(models);
        double[][] rows = new double[models][40];
        for (int i = 0; i < models; i++) {
            for (int t = 0; t < 40; t++) {
                rows[i][t] = p[models][i] + 0.05 * data.nextGaussian();
            }
        }
        double[][] candidates = new double[models][models];
        for (int i = 0; i < models; i++) {
            System.arraycopy(p[i], 0, candidates[i], 0, models);
        }
        return new World(new DistanceMatrix(names, rows), new PairwiseDistances(names, candidates));
    }

    private static int rejections(int models, boolean twins, long seed) {
        SplittableRandom data = new SplittableRandom(seed);
        int nonEmpty = 0;
        for (int pool = 0; pool < POOLS; pool++) {
            World w = world(models, 0, twins, data);
            ProvenanceSet set = ProvenanceSetTest.withDefaults().withMethod(ProvenanceMethod.CALIBRATED).withPairwise(w.pairwise())
                    .withAlpha(0.1).withPermutations(99).withRandom(pool).test(w.matrix(), List.of());
            nonEmpty += set.members().isEmpty() ? 0 : 1;
        }
        return nonEmpty;
    }

    @Test
    void aTargetUnrelatedToEveryCandidateGivesANonEmptySetAtTheLevel() {
        // binomial(300, 0.1) 99.9% band: scipy.stats.binom.ppf(0.0005, 300, 0.1) = 14, binom.isf(0.0005, 300, 0.1) = 48
        int nonEmpty = rejections(10, false, 51);
        assertTrue(nonEmpty >= 14 && nonEmpty <= 48, nonEmpty + " of " + POOLS + " null pools gave a non-empty set at α = 0.1");
    }

    @Test
    void theLevelHoldsOnPoolsOfSixAsLargeAsTheRealEncoderPool() {
        int nonEmpty = rejections(6, false, 54);
        assertTrue(nonEmpty >= 14 && nonEmpty <= 48, nonEmpty + " of " + POOLS + " null pools of 6 gave a non-empty set at α = 0.1");
    }

    @Test
    void twinsAmongTheCandidatesDoNotInflateTheLevel() {
        int nonEmpty = rejections(10, true, 52);
        assertTrue(nonEmpty <= 48, nonEmpty + " of " + POOLS + " null pools with twin candidates gave a non-empty set at α = 0.1");
    }

    @Test
    void plantedSourcesAreFoundAndTheUnequallyEccentricRestIsNot() {
        SplittableRandom data = new SplittableRandom(53);
        for (int k : new int[] {1, 2}) {
            World w = world(12, k, true, data);
            ProvenanceSet set = ProvenanceSetTest.withDefaults().withMethod(ProvenanceMethod.CALIBRATED).withPairwise(w.pairwise())
                    .withPermutations(199).withRandom(3).test(w.matrix(), List.of());
            assertEquals(SimulatedPools.names(k), set.members().stream().map(ExclusionStep::model).sorted().toList(),
                    k + " sources: " + set.steps());
        }
    }

    @Test
    void theTwoWayFitRecoversAnAdditiveMatrixExactly() {
        double[] a = {0.0, 0.3, -0.1, 0.2, 0.05};
        double[][] p = new double[5][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                p[i][j] = i == j ? 0 : 1.0 + a[i] + a[j];
            }
        }
        PairwiseBackground b = PairwiseBackground.fit(p);
        assertEquals(0, b.scale(), 1e-12);
        for (int i = 0; i < 5; i++) {
            assertEquals(0.5 + a[i], b.eccentricity()[i], 1e-12);
        }
    }

    @Test
    void oneOutlyingPairBarelyMovesTheFitAndStandsOutAsAResidual() {
        // a 6-model additive matrix with small noise, then models 4 and 5 made twins (distance 0.01)
        SplittableRandom data = new SplittableRandom(4);
        double[] a = {0.0, 0.3, -0.1, 0.2, 0.05, 0.15};
        double[][] p = new double[6][6];
        for (int i = 0; i < 6; i++) {
            for (int j = i + 1; j < 6; j++) {
                p[i][j] = p[j][i] = 1.0 + a[i] + a[j] + 0.01 * data.nextGaussian();
            }
        }
        PairwiseBackground clean = PairwiseBackground.fit(p);
        p[4][5] = p[5][4] = 0.01;
        PairwiseBackground twins = PairwiseBackground.fit(p);
        for (int i = 0; i < 6; i++) {
            assertEquals(clean.eccentricity()[i], twins.eccentricity()[i], 0.05, "model " + i);
        }
        assertTrue(twins.scale() < 3 * clean.scale(), twins.scale() + " vs " + clean.scale());
        double twinResidual = (p[4][5] - twins.eccentricity()[4] - twins.eccentricity()[5]) / twins.scale();
        assertTrue(twinResidual < -20, "twin residual " + twinResidual);
    }

    @Test
    void theSameSeedGivesTheSameRunAndTheMatrixOrderDoesNotMatter() {
        World w = world(8, 1, true, new SplittableRandom(60));
        ProvenanceSetTest test = ProvenanceSetTest.withDefaults().withMethod(ProvenanceMethod.CALIBRATED).withPairwise(w.pairwise())
                .withPermutations(199).withRandom(4);
        ProvenanceSet first = test.test(w.matrix(), List.of());
        assertEquals(first, test.test(w.matrix(), List.of()));
        // the pairwise file may list the models in any order: it is aligned to the matrix by name
        List<String> reversed = new ArrayList<>(w.pairwise().names());
        java.util.Collections.reverse(reversed);
        PairwiseDistances shuffled = new PairwiseDistances(reversed, w.pairwise().alignedTo(reversed));
        assertEquals(first, test.withPairwise(shuffled).test(w.matrix(), List.of()));
    }

    @Test
    void pairwiseDistancesMustCoverEveryModelOfTheMatrix() {
        World w = world(6, 0, false, new SplittableRandom(1));
        List<String> more = new ArrayList<>(w.matrix().names());
        more.add("stranger");
        assertThrows(IllegalArgumentException.class, () -> w.pairwise().alignedTo(more));
    }

    @Test
    void threeModelsFitExactlySoTheBackgroundNeedsFour() {
        double[][] three = {{0, 1, 2}, {1, 0, 2}, {2, 2, 0}};
        BadInputException fit = assertThrows(BadInputException.class, () -> PairwiseBackground.fit(three));
        assertTrue(fit.getMessage().contains("at least 4 models, got 3"), fit.getMessage());
        assertThrows(BadInputException.class, () -> new PairwiseCalibratedStep(three, 9));
        assertFalse(PairwiseBackground.canFit(3));
        double[][] four = {{0, 1, 2, 3}, {1, 0, 2, 3}, {2, 2, 0, 4}, {3, 3, 4, 0}};
        assertTrue(PairwiseBackground.canFit(4));
        assertTrue(PairwiseBackground.fit(four).scale() >= 0);
    }

    /**
     * Families among the candidates: {@code family[i]} names model i's family (−1: none); a pair of one family
     * lies at 0.07–0.10, an unrelated pair at {@code 0.45 + a_i + a_j + 0.02·e}, {@code a ~ 0.05·N(0,1)}. With
     * {@code copy ≥ 0} the target is a member of family 0: its distance to model {@code copy} is 0.002 (an
     * fp16 copy), to the other members of family 0 0.07–0.10; otherwise it is unrelated to every candidate.
     */
    private static World families(int[] family, int copy, SplittableRandom data) {
        int m = family.length;
        double[] a = new double[m + 1];
        for (int i = 0; i <= m; i++) {
            a[i] = 0.05 * data.nextGaussian();
        }
        double[][] p = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                boolean related = family[i] >= 0 && family[i] == family[j];
                p[i][j] = p[j][i] = related ? 0.07 + 0.03 * data.nextDouble() : 0.45 + a[i] + a[j] + 0.02 * data.nextGaussian();
            }
        }
        List<String> names = SimulatedPools.names(m);
        double[][] rows = new double[m][50];
        for (int i = 0; i < m; i++) {
            double mean;
            if (i == copy) {
                mean = 0.002;
            } else if (copy >= 0 && family[i] == 0) {
                mean = 0.07 + 0.03 * data.nextDouble();
            } else {
                mean = 0.45 + a[m] + a[i] + 0.02 * data.nextGaussian();
            }
            for (int t = 0; t < 50; t++) {
                rows[i][t] = mean + 0.01 * data.nextGaussian();
            }
        }
        return new World(new DistanceMatrix(names, rows), new PairwiseDistances(names, p));
    }

    @Test
    void theTargetsExactCopyIsFoundInAPoolOfTwoFamiliesOfThree() {
        // the zoo's gpt2-a-ft-lic task: before related pairs left the fit, the copy got z = −0.9, p = 0.86
        SplittableRandom data = new SplittableRandom(70);
        for (int world = 0; world < 5; world++) {
            World w = families(new int[] {0, 0, 0, 1, 1, 1}, 0, data);
            ProvenanceSet set = ProvenanceSetTest.withDefaults().withMethod(ProvenanceMethod.CALIBRATED).withPairwise(w.pairwise())
                    .withPermutations(999).withRandom(world).test(w.matrix(), List.of());
            List<String> members = set.members().stream().map(ExclusionStep::model).toList();
            assertTrue(members.contains("g0"), "world " + world + ": " + set.steps());
            assertTrue(List.of("g0", "g1", "g2").containsAll(members), "world " + world + ": " + set.steps());
        }
    }

    @Test
    void aFamilyOfFiveDoesNotHideTheTargetsOwnFamily() {
        // the zoo's qwen2-a-ft-lic task: families of 5, 3 and 3 and a loner; the target belongs to a family of 3
        SplittableRandom data = new SplittableRandom(71);
        for (int world = 0; world < 5; world++) {
            World w = families(new int[] {0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, -1}, 0, data);
            ProvenanceSet set = ProvenanceSetTest.withDefaults().withMethod(ProvenanceMethod.CALIBRATED).withPairwise(w.pairwise())
                    .withPermutations(999).withRandom(world).test(w.matrix(), List.of());
            List<String> members = set.members().stream().map(ExclusionStep::model).sorted().toList();
            assertEquals(List.of("g0", "g1", "g2"), members, "world " + world + ": " + set.steps());
        }
    }

    @Test
    void familiesAmongTheCandidatesOfAnUnrelatedTargetDoNotInflateTheLevel() {
        SplittableRandom data = new SplittableRandom(72);
        int nonEmpty = 0;
        for (int pool = 0; pool < POOLS; pool++) {
            World w = families(new int[] {0, 0, 0, 1, 1, 1, 2, 2, -1, -1}, -1, data);
            ProvenanceSet set = ProvenanceSetTest.withDefaults().withMethod(ProvenanceMethod.CALIBRATED).withPairwise(w.pairwise())
                    .withAlpha(0.1).withPermutations(99).withRandom(pool).test(w.matrix(), List.of());
            nonEmpty += set.members().isEmpty() ? 0 : 1;
        }
        // binomial(300, 0.1): scipy.stats.binom.isf(0.0005, 300, 0.1) = 48
        assertTrue(nonEmpty <= 48, nonEmpty + " of " + POOLS + " null pools with families among the candidates gave a non-empty set at α = 0.1");
    }

    @Test
    void aFamilysPairsAreMarkedRelatedAndLeaveTheFit() {
        World w = families(new int[] {0, 0, 0, 1, 1, 1, -1, -1}, -1, new SplittableRandom(73));
        PairwiseBackground fit = PairwiseBackground.fit(w.pairwise().mean());
        int m = 8;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                boolean family = i != j && i < 6 && j < 6 && i / 3 == j / 3;
                assertEquals(family, fit.related()[i * m + j], i + "-" + j);
            }
        }
        assertEquals(12, fit.relatedEntries());
        // the scale is the unrelated pairs' noise (0.02), not the gap between families and the rest
        assertTrue(fit.scale() > 0.01 && fit.scale() < 0.04, "scale " + fit.scale());
    }

    /**
     * The level when the noise is heteroscedastic, as in a real pool: model i's per-prompt noise has SD
     * {@code σ_i = e^{U(−1, 1)}}, the target's mean distance to model i carries {@code σ_i/√N} of it and a
     * shared prompt effect, a pair's mean {@code sqrt((σ_i² + σ_j²)/2)/√N}, on top of a two-way background with
     * misfit 0.02 (eccentricities 0.2·N(0,1), N = 200, 20 candidates). One residual scale learnt from the pairs
     * under-states the noisiest candidates' target distances, and the minimum over the pool finds them: with one
     * common scale (every weight 1) this world gave 87 of 400 (21.8%) at α = 0.05, the seeds below; studentised
     * target distances with unit-spread pair draws 30 (7.5%); with the pairs' draws as noisy as their two models
     * 23 (5.8%).
     */
    @Test
    void theLevelHoldsWhenTheTargetsDistancesAreHeteroscedastic() {
        int pools = 400;
        int m = 20;
        int prompts = 200;
        SplittableRandom data = new SplittableRandom(80);
        int nonEmpty = 0;
        for (int pool = 0; pool < pools; pool++) {
            double[] a = new double[m + 1];
            double[] sigma = new double[m];
            for (int i = 0; i <= m; i++) {
                a[i] = 0.2 * data.nextGaussian();
            }
            for (int i = 0; i < m; i++) {
                sigma[i] = Math.exp(2 * data.nextDouble() - 1);
            }
            double[][] p = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int j = i + 1; j < m; j++) {
                    double sampling = Math.sqrt((sigma[i] * sigma[i] + sigma[j] * sigma[j]) / (2.0 * prompts));
                    p[i][j] = p[j][i] = 1 + a[i] + a[j] + 0.02 * data.nextGaussian() + sampling * data.nextGaussian();
                }
            }
            double[][] rows = new double[m][prompts];
            double[] mean = new double[m];
            for (int i = 0; i < m; i++) {
                mean[i] = 1 + a[m] + a[i] + 0.02 * data.nextGaussian();
            }
            for (int t = 0; t < prompts; t++) {
                double prompt = data.nextGaussian();
                for (int i = 0; i < m; i++) {
                    rows[i][t] = prompt + mean[i] + sigma[i] * data.nextGaussian();
                }
            }
            List<String> names = SimulatedPools.names(m);
            ProvenanceSet set = ProvenanceSetTest.withDefaults().withMethod(ProvenanceMethod.CALIBRATED)
                    .withPairwise(new PairwiseDistances(names, p)).withAlpha(0.05).withPermutations(99).withRandom(pool)
                    .test(new DistanceMatrix(names, rows), List.of());
            nonEmpty += set.members().isEmpty() ? 0 : 1;
        }
        // α ± 3 Monte-Carlo SEs of a rate over 400 pools: 0.05 ± 3·sqrt(0.05·0.95/400) = [0.0173, 0.0827] → [7, 33]
        assertTrue(nonEmpty >= 7 && nonEmpty <= 33, nonEmpty + " of " + pools + " heteroscedastic null pools gave a non-empty set at α = 0.05");
    }

    @Test
    void samplingVariancesRecoverEachModelsOwnNoiseWithoutThePromptEffect() {
        // six models, per-prompt SDs 0.5 to 2 and a shared prompt effect of SD 3: SE² = σ²/N, the effect gone
        // (within 10%: the inversion of the centring amplifies the 1% error of each variance about threefold)
        SplittableRandom data = new SplittableRandom(81);
        int n = 20000;
        double[] sigma = {0.5, 0.7, 1, 1.4, 2, 1};
        double[][] rows = new double[sigma.length][n];
        for (int t = 0; t < n; t++) {
            double prompt = 3 * data.nextGaussian();
            for (int i = 0; i < sigma.length; i++) {
                rows[i][t] = prompt + sigma[i] * data.nextGaussian();
            }
        }
        double[] se2 = PairwiseCalibratedStep.samplingVariances(rows);
        for (int i = 0; i < sigma.length; i++) {
            assertEquals(sigma[i] * sigma[i] / n, se2[i], 0.1 * sigma[i] * sigma[i] / n, "model " + i);
        }
        assertEquals(0, PairwiseCalibratedStep.samplingVariances(new double[][] {{1}, {2}, {3}})[1]);
    }
}
