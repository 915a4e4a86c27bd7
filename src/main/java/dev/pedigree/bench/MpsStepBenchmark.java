package dev.pedigree.bench;

import dev.pedigree.stats.MpsStep;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One MPS step (centring, studentised minimum, R within-prompt permutation replicates) on a simulated
 * null pool, at the spec's size m = 50 candidates × N = 10,000 prompts × R = 1,000 (goal: under 5 s on
 * 2 cores), then with each of R, N and m halved and quartered to show how the time grows. Each figure is
 * the best of {@value #REPEATS} runs after one warm-up. Beside the wall time it prints the process CPU time
 * of the same run: on a machine shared with other work the wall time grows, the CPU time hardly does, and
 * CPU seconds / cores is what the step would take with the cores to itself.
 */
public final class MpsStepBenchmark implements Benchmark {
    private static final int REPEATS = 3;
    private static final int M = 50;
    private static final int N = 10_000;
    private static final int R = 1_000;

    @Override
    public String name() {
        return "mps-step";
    }

    @Override
    public String description() {
        return "one MPS step, 50 candidates x 10,000 prompts x 1,000 permutations, and its scaling in R, N, m";
    }

    @Override
    public void run(PrintWriter out) {
        int threads = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "machine: %d processors, Java %s, %s %s; threads = %d%n", threads, Runtime.version(),
                System.getProperty("os.name"), System.getProperty("os.arch"), threads);
        time(M, N, R, threads); // warm-up
        out.printf(Locale.ROOT, "%6s %7s %6s %10s %10s %14s%n", "m", "N", "R", "wall s", "cpu s", "cpu ns/(mNR)");
        int[][] cases = {
            {M, N, R}, {M, N, R / 2}, {M, N, R / 4}, {M, N / 2, R}, {M, N / 4, R}, {M / 2, N, R}, {M / 4, N, R},
        };
        for (int[] c : cases) {
            double[] best = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
            for (int k = 0; k < REPEATS; k++) {
                double[] t = time(c[0], c[1], c[2], threads);
                best[0] = Math.min(best[0], t[0]);
                best[1] = Math.min(best[1], t[1]);
            }
            out.printf(Locale.ROOT, "%6d %7d %6d %10.3f %10.3f %14.3f%n", c[0], c[1], c[2], best[0], best[1],
                    best[1] * 1e9 / ((double) c[0] * c[1] * c[2]));
            out.flush();
        }
    }

    /** Wall and process CPU seconds of one step (the input is built outside the timed part). */
    private static double[] time(int m, int n, int r, int threads) {
        double[][] rows = new double[m][n];
        SplittableRandom data = new SplittableRandom(42);
        for (int t = 0; t < n; t++) {
            double prompt = data.nextGaussian();
            for (int i = 0; i < m; i++) {
                rows[i][t] = prompt + data.nextGaussian();
            }
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        new MpsStep(r, threads).test(rows, new SplittableRandom(1));
        return new double[] {(System.nanoTime() - start) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9};
    }
}
