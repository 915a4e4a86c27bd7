package dev.pedigree.experiments;

import dev.pedigree.stats.ExclusionStep;
import dev.pedigree.stats.ProvenanceSet;
import dev.pedigree.stats.ProvenanceSetTest;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a {@link CoverageScenario}: for every cell, {@code replicates} pools, each tested once with the scenario's
 * provenance method carried to the largest level, its set read at every level.
 *
 * <p>Reproducible for any thread count: cell c draws from the c-th split of the scenario seed's stream,
 * replicate r from the r-th split of its cell's stream (all splits taken in order before any work), and
 * each replicate's test seed is the first long of its own stream. Replicates run in parallel, each test
 * on one thread.
 */
public final class CoverageSimulation {
    private final CoverageScenario scenario;
    private final int threads;

    public CoverageSimulation(CoverageScenario scenario, int threads) {
        this.scenario = scenario;
        this.threads = threads;
    }

    /** Every replicate of every cell, in cell then replicate order; progress lines go to {@code progress}. */
    public List<ReplicateOutcome> run(PrintWriter progress) throws InterruptedException {
        ProvenanceSetTest test = ProvenanceSetTest.withDefaults().withMethod(scenario.provenanceMethod())
                .withLevels(scenario.alphas())
                .withAlpha(scenario.alphas().getFirst()).withPermutations(scenario.permutations()).withThreads(1);
        SplittableRandom root = new SplittableRandom(scenario.seed());
        List<ReplicateOutcome> outcomes = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(threads)) {
            for (CoverageCell cell : scenario.cells()) {
                SplittableRandom cellStream = root.split();
                long start = System.nanoTime();
                List<Future<ReplicateOutcome>> futures = new ArrayList<>();
                for (int r = 0; r < scenario.replicates(); r++) {
                    SplittableRandom stream = cellStream.split();
                    int replicate = r;
                    futures.add(executor.submit(() -> replicate(test, cell, replicate, stream)));
                }
                for (Future<ReplicateOutcome> f : futures) {
                    outcomes.add(f.get());
                }
                progress.printf("cell %d/%d %s: %d replicates in %.1f s%n", cell.index() + 1, scenario.cells().size(), cell,
                        scenario.replicates(), (System.nanoTime() - start) / 1e9);
                progress.flush();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a simulated replicate failed", e.getCause());
        }
        return outcomes;
    }

    private ReplicateOutcome replicate(ProvenanceSetTest test, CoverageCell cell, int replicate, SplittableRandom stream) {
        long testSeed = stream.nextLong();
        ProvenanceSet set;
        if (scenario.pairSpread() != null) {
            SimulatedPool.Drawn drawn = SimulatedPool.drawWithPairwise(cell, scenario.pairSpread(), stream);
            set = test.withRandom(testSeed).withPairwise(drawn.pairwise()).test(drawn.matrix(), List.of());
        } else {
            set = test.withRandom(testSeed).test(SimulatedPool.draw(cell, stream), List.of());
        }
        List<Double> levels = scenario.alphas();
        int[] size = new int[levels.size()];
        int[] sourcesIn = new int[levels.size()];
        for (int a = 0; a < levels.size(); a++) {
            for (ExclusionStep s : set.membersAt(levels.get(a))) {
                size[a]++;
                if (SimulatedPool.isSource(cell, s.model())) {
                    sourcesIn[a]++;
                }
            }
        }
        return new ReplicateOutcome(cell, replicate, testSeed, set.steps().size(), set.steps().getFirst().pValue(), size, sourcesIn);
    }
}
