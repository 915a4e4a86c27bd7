package dev.pedigree.experiments;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.error.BadInputException;
import dev.pedigree.stats.ProvenanceMethod;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One coverage-simulation scenario, read from JSON. Every list is a grid axis; a cell is one value of
 * each. Distances follow {@code L[i][t] = b_t + μ_i + σ_i·ε_{i,t}} with {@code b_t, ε ~ N(0,1)}:
 * the first {@code sources} candidates are true sources with {@code μ = −signal·fade^depth}, the others
 * unrelated with {@code μ = tau·z_i}, {@code z_i ~ N(0,1)} drawn per pool (τ = 0: the equal-means null
 * holds); {@code σ_i = exp(sigmaSpread·u_i)}, {@code u_i ~ U(−1,1)} per pool (0: equal variances).
 *
 * <p>With {@code pairSpread} set, every model (candidates and target) instead has an eccentricity
 * {@code e_i = tau·z_i}, every pair of models an independent pair effect {@code pairSpread·w_ij}, and the
 * expected distance of a pair is {@code e_i + e_j + pairSpread·w_ij} — so the target's mean distance to
 * unrelated candidate i is {@code μ_i = e_f + e_i + pairSpread·w_fi} (a source's is that minus
 * {@code signal·fade^depth}), and the candidates' mean distances to one another are drawn too, with the
 * sampling error of a mean over N prompts added. The calibrated method then calibrates against them
 * ({@code set --pairwise}); the paper's ignores them.
 *
 * @param name         file stem of the outputs
 * @param title        figure title
 * @param replicates   pools per cell
 * @param permutations R per step (p-value resolution 1/(R+1))
 * @param seed         seed of the whole scenario
 * @param alphas       levels at which every pool's set is read (one run per pool)
 * @param candidates   pool sizes m
 * @param prompts      prompt counts N
 * @param sources      numbers of true sources k (0 = null pool)
 * @param depths       derivation depths of the sources
 * @param sigmaSpread  log-spreads of σ_i
 * @param tau          spreads of the unrelated candidates' means (in units of σ)
 * @param signal       δ, the depth-0 source's mean distance advantage (in units of σ)
 * @param fade         ρ, the signal kept per derivation step
 * @param figure       what the SVG plots
 * @param method       the provenance method every pool is tested with: {@code mps} (the paper's, when
 *                     absent) or {@code calibrated}; scenarios that differ only in it draw the same pools
 * @param pairSpread   when present, draw candidate-to-candidate distances too (see above), with this
 *                     spread of the pair effects (in units of σ)
 */
public record CoverageScenario(String name, String title, int replicates, int permutations, long seed, List<Double> alphas,
        List<Integer> candidates, List<Integer> prompts, List<Integer> sources, List<Integer> depths,
        List<Double> sigmaSpread, List<Double> tau, double signal, double fade, Figure figure,
        String method, Double pairSpread) {

    /**
     * @param x      the axis: alpha, prompts, candidates, sources, depth, tau or sigmaSpread
     * @param y      the metrics, one panel each: coverage, mean_size, mean_extra, nonempty_rate, extra_rate
     * @param series the cell parameters that tell the lines apart
     * @param alpha  the level plotted when x is not alpha
     */
    public record Figure(String x, List<String> y, List<String> series, double alpha) {
    }

    /** The method of {@link #method}, {@code mps} when the scenario names none. */
    public ProvenanceMethod provenanceMethod() {
        return method == null ? ProvenanceMethod.MPS : ProvenanceMethod.named(method);
    }

    public static CoverageScenario read(Path file) {
        try {
            CoverageScenario s = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(file.toFile(), CoverageScenario.class);
            s.check(file);
            return s;
        } catch (IOException e) {
            throw new BadInputException(file + ": not a coverage scenario (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    private void check(Path file) {
        List<String> problems = new ArrayList<>();
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            problems.add("name must be a plain file stem");
        }
        if (replicates < 1 || permutations < 1) {
            problems.add("replicates and permutations must be at least 1");
        }
        for (List<?> axis : java.util.Arrays.asList(alphas, candidates, prompts, sources, depths, sigmaSpread, tau)) {
            if (axis == null || axis.isEmpty()) {
                problems.add("every axis (alphas, candidates, prompts, sources, depths, sigmaSpread, tau) needs a value");
                break;
            }
        }
        if (problems.isEmpty()) {
            alphas.stream().filter(a -> !(a > 0 && a < 1)).forEach(a -> problems.add("alpha " + a + " outside (0, 1)"));
            candidates.stream().filter(m -> m < 2).forEach(m -> problems.add("pool of " + m + " candidates"));
            prompts.stream().filter(n -> n < 2).forEach(n -> problems.add(n + " prompts"));
            for (int k : sources) {
                for (int m : candidates) {
                    if (k < 0 || k >= m) {
                        problems.add(k + " sources among " + m + " candidates (need 0 ≤ k < m)");
                    }
                }
            }
        }
        if (pairSpread != null && !(pairSpread >= 0)) {
            problems.add("pairSpread must be at least 0, got " + pairSpread);
        }
        if (method != null) {
            try {
                ProvenanceMethod.named(method);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (figure == null || figure.x() == null || figure.y() == null || figure.y().isEmpty()) {
            problems.add("figure needs x and y");
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(file + ": " + String.join("; ", problems));
        }
    }

    /** Every cell of the grid, in a fixed order. */
    public List<CoverageCell> cells() {
        List<CoverageCell> cells = new ArrayList<>();
        for (int m : candidates) {
            for (int n : prompts) {
                for (int k : sources) {
                    for (int d : depths) {
                        for (double s : sigmaSpread) {
                            for (double t : tau) {
                                cells.add(new CoverageCell(cells.size(), m, n, k, d, s, t, k == 0 ? 0 : signal * Math.pow(fade, d)));
                            }
                        }
                    }
                }
            }
        }
        return cells;
    }
}
