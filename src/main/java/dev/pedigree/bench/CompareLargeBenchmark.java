package dev.pedigree.bench;

import dev.pedigree.compare.Calibration;
import dev.pedigree.compare.CompareSide;
import dev.pedigree.compare.ComparisonResult;
import dev.pedigree.compare.ModelComparison;
import dev.pedigree.model.open.FormatWiring;
import dev.pedigree.model.open.Model;
import dev.pedigree.model.open.ModelOpener;
import dev.pedigree.model.source.ModelLocator;
import dev.pedigree.model.source.SourceEnvironment;
import dev.pedigree.signals.WeightAlignment;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code compare} of two generated 2.2 GB BF16 safetensors checkpoints of a TinyLlama-shaped model
 * (32000 × 2048, 22 layers, 32 query heads on 4 key/value heads, MLP 5632): B is A with every hidden
 * unit, key/value group, query head, value dimension and MLP neuron re-ordered and noise of 0.2 RMS
 * added (a permuted fine-tune: related), C an independent draw (unrelated). Each comparison runs cold:
 * the files are written, synced and dropped from the page cache (posix_fadvise DONTNEED), and the
 * pages resident afterwards (mincore) are the pages the comparison made the kernel read. Prints wall
 * and process CPU time (CPU / wall above 1 means both cores worked), bytes touched per file against
 * its size, and the verdict. The files live in a temporary directory deleted afterwards.
 */
public final class CompareLargeBenchmark implements Benchmark {
    private static final SyntheticLlama SHAPE = new SyntheticLlama(32000, 2048, 32, 4, 5632, 22);
    private static final int PERMUTATIONS = 999;

    @Override
    public String name() {
        return "compare-large";
    }

    @Override
    public String description() {
        return "compare two generated 2.2 GB BF16 llama checkpoints cold: share of bytes touched, time, cores, verdict";
    }

    @Override
    public void run(PrintWriter out) throws Exception {
        Path dir = Files.createTempDirectory("pedigree-compare-large");
        try {
            long need = 3 * 2_300_000_000L;
            long free = Files.getFileStore(dir).getUsableSpace();
            if (free < need + (2L << 30)) {
                throw new IOException("compare-large needs " + need / (1 << 20) + " MiB free under " + dir + ", has " + free / (1 << 20));
            }
            SyntheticLlama.Permutation perm = SHAPE.permutation(7);
            long t0 = System.nanoTime();
            Path a = write(dir.resolve("a"), t -> SHAPE.values(t, 1));
            Path b = write(dir.resolve("b"), t -> SyntheticLlama.noisy(perm.apply(t, SHAPE.values(t, 1)), 0.2, 1000L + t.name().hashCode()));
            Path c = write(dir.resolve("c"), t -> SHAPE.values(t, 2));
            out.printf(Locale.ROOT, "generated 3 checkpoints of %,d bytes each in %.0f s (%s)%n", Files.size(a.resolve("model.safetensors")),
                    (System.nanoTime() - t0) / 1e9, dir);
            out.printf(Locale.ROOT, "cores available: %d%n", Runtime.getRuntime().availableProcessors());
            compare(out, "A vs B (permuted fine-tune)", a, b);
            compare(out, "A vs C (independent)", a, c);
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static Path write(Path model, java.util.function.Function<SyntheticLlama.Tensor, float[]> values) throws IOException {
        Files.createDirectories(model);
        SHAPE.writeSafetensors(model.resolve("model.safetensors"), values);
        Files.writeString(model.resolve("config.json"), SHAPE.config());
        return model;
    }

    private static void compare(PrintWriter out, String title, Path a, Path b) throws IOException {
        Path fa = a.resolve("model.safetensors");
        Path fb = b.resolve("model.safetensors");
        PageResidency.evict(fa);
        PageResidency.evict(fb);
        long beforeA = PageResidency.residentBytes(fa);
        long beforeB = PageResidency.residentBytes(fb);
        ModelOpener opener = new ModelOpener(new ModelLocator(SourceEnvironment.system(), new PrintWriter(System.err, true)), FormatWiring.standard());
        String loadBefore = loadAverage();
        java.util.Map<Long, Long> threadsBefore = threadCpu();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        ComparisonResult r;
        try (Model ma = opener.open(a.toString()); Model mb = opener.open(b.toString())) {
            r = new ModelComparison(WeightAlignment.Settings.defaults(PERMUTATIONS, 1), Calibration.load(),
                    m -> System.err.printf(Locale.ROOT, "compare: [%.1f s, CPU %.1f s] %s%n", (System.nanoTime() - t0) / 1e9,
                            (processCpuNanos() - cpu0) / 1e9, m))
                    .run(CompareSide.of("a", ma), CompareSide.of("b", mb));
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        String busy = busyThreads(threadsBefore);
        long touchedA = PageResidency.residentBytes(fa) - beforeA;
        long touchedB = PageResidency.residentBytes(fb) - beforeB;
        long size = Files.size(fa);
        out.printf(Locale.ROOT, "%n%s%n", title);
        out.printf(Locale.ROOT, "  page cache before      %,d and %,d bytes resident (cold: %s)%n", beforeA, beforeB,
                beforeA + beforeB < size / 1000 ? "yes" : "NO");
        out.printf(Locale.ROOT, "  wall time              %.2f s; process CPU %.2f s (CPU / wall %.2f); load average %s before, %s after%n", wall, cpu,
                cpu / wall, loadBefore, loadAverage());
        out.printf(Locale.ROOT, "  CPU by thread          %s%n", busy);
        out.printf(Locale.ROOT, "  pages touched, A       %,d of %,d bytes = %.2f%%   goal <= 10%%: %s%n", touchedA, size, 100.0 * touchedA / size,
                touchedA <= size / 10 ? "met" : "NOT met");
        out.printf(Locale.ROOT, "  pages touched, B       %,d of %,d bytes = %.2f%%   goal <= 10%%: %s%n", touchedB, Files.size(fb),
                100.0 * touchedB / Files.size(fb), touchedB <= Files.size(fb) / 10 ? "met" : "NOT met");
        out.printf(Locale.ROOT, "  bytes asked for        A %,.0f, B %,.0f (signals bytes_read_a/b; the kernel reads whole pages)%n",
                r.signals().get("bytes_read_a"), r.signals().get("bytes_read_b"));
        out.printf(Locale.ROOT, "  verdict                %s, p = %.3g, %d unit groups; MPK label %s%n", r.verdict().label(), r.pValue(),
                r.alignment().groups().size(), r.mpk().label());
        for (String line : r.evidence()) {
            if (line.startsWith("read") || line.startsWith("independence")) {
                out.println("  " + line);
            }
        }
        out.printf(Locale.ROOT, "  timing (ms)            %s%n", r.timing());
        out.flush();
    }

    /** CPU nanoseconds of every live thread by id. */
    private static java.util.Map<Long, Long> threadCpu() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        for (long id : mx.getAllThreadIds()) {
            out.put(id, Math.max(0, mx.getThreadCpuTime(id)));
        }
        return out;
    }

    /** Threads that worked at least 0.5 CPU-seconds since {@code before}, busiest first: the spread over cores under any load. */
    private static String busyThreads(java.util.Map<Long, Long> before) {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        java.util.List<String> out = new java.util.ArrayList<>();
        java.util.Map<Long, Long> now = threadCpu();
        now.entrySet().stream().sorted(java.util.Map.Entry.<Long, Long>comparingByValue().reversed()).forEach(e -> {
            double s = (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1e9;
            java.lang.management.ThreadInfo info = mx.getThreadInfo(e.getKey());
            if (s >= 0.5 && info != null) {
                out.add(String.format(Locale.ROOT, "%s %.1f s", info.getThreadName(), s));
            }
        });
        return String.join(", ", out);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException unavailable) {
            return "?";
        }
    }

    private static long processCpuNanos() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
    }
}
