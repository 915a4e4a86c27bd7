package dev.pedigree.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The null distribution of the minimum studentised statistic under "the models of the pool are
 * exchangeable on every prompt": each replicate permutes every prompt's centred column independently
 * and uniformly among the models (Fisher–Yates), then studentises afresh and takes the minimum.
 *
 * <p>Replicates run in fixed blocks of {@value #BLOCK} in prompt-major order: for each prompt the block
 * shuffles the column once per replicate and adds the values into that replicate's per-model sum and
 * sum of squares, so the centred matrix is read once per block and the accumulators stay in cache. The
 * column buffer is not reset between replicates — a uniform shuffle of any arrangement is uniform, and
 * each replicate draws its own — which saves the copy.
 *
 * <p>Block b draws from the b-th {@link SplittableRandom#split()} of the step's stream, split in block
 * order before any work starts, so the counts (and the p-value) are identical for any thread count.
 */
final class WithinPromptPermutationNull {
    static final int BLOCK = 32;

    private WithinPromptPermutationNull() {
    }

    /** {@code #{r ≤ replicates : T^(r) ≤ observed}}. */
    static long countAtMost(CentredPool pool, double observed, int replicates, SplittableRandom random, int threads) {
        int blocks = (replicates + BLOCK - 1) / BLOCK;
        SplittableRandom[] streams = new SplittableRandom[blocks];
        for (int b = 0; b < blocks; b++) {
            streams[b] = random.split();
        }
        if (threads <= 1 || blocks == 1) {
            long count = 0;
            for (int b = 0; b < blocks; b++) {
                count += countBlock(pool, observed, blockSize(b, replicates), streams[b]);
            }
            return count;
        }
        try (ExecutorService executor = Executors.newFixedThreadPool(Math.min(threads, blocks), daemonThreads())) {
            List<Future<Long>> counts = new ArrayList<>(blocks);
            for (int b = 0; b < blocks; b++) {
                int size = blockSize(b, replicates);
                SplittableRandom stream = streams[b];
                counts.add(executor.submit(() -> countBlock(pool, observed, size, stream)));
            }
            long count = 0;
            for (Future<Long> c : counts) {
                count += c.get();
            }
            return count;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("permutation replicates interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("permutation replicate failed", e.getCause());
        }
    }

    private static int blockSize(int block, int replicates) {
        return Math.min(BLOCK, replicates - block * BLOCK);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "mps-permutations");
            thread.setDaemon(true);
            return thread;
        };
    }

    private static long countBlock(CentredPool pool, double observed, int replicates, SplittableRandom random) {
        int m = pool.models;
        int n = pool.prompts;
        double[] columns = pool.columns;
        double[] column = new double[m];
        double[] sums = new double[replicates * m];
        double[] squares = new double[replicates * m];
        UniformIndices indices = new UniformIndices(random);
        for (int t = 0; t < n; t++) {
            System.arraycopy(columns, t * m, column, 0, m);
            for (int r = 0; r < replicates; r++) {
                int base = r * m;
                // Fisher–Yates from the top: once position j is drawn it is final, so add it at once.
                for (int j = m - 1; j > 0; j--) {
                    int k = indices.next(j + 1);
                    double value = column[k];
                    column[k] = column[j];
                    column[j] = value;
                    sums[base + j] += value;
                    squares[base + j] += value * value;
                }
                double first = column[0];
                sums[base] += first;
                squares[base] += first * first;
            }
        }
        long count = 0;
        for (int r = 0; r < replicates; r++) {
            int base = r * m;
            double min = Double.POSITIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                min = Math.min(min, pool.studentise(sums[base + i], squares[base + i]));
            }
            if (min <= observed) {
                count++;
            }
        }
        return count;
    }
}
