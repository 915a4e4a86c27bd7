package dev.pedigree.experiments;

import dev.pedigree.compare.Calibration;
import dev.pedigree.compare.CompareSide;
import dev.pedigree.compare.ComparisonResult;
import dev.pedigree.compare.ModelComparison;
import dev.pedigree.compare.MpkSignals;
import dev.pedigree.model.open.Model;
import dev.pedigree.model.open.ModelOpener;
import dev.pedigree.signals.WeightAlignment;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;

/**
 * Runs {@code compare} on a list of labelled pairs and appends one CSV row per pair as it finishes, so
 * a long run can be stopped and resumed: pairs already in the CSV are skipped. Rows are in finishing
 * order; the analysis sorts them.
 */
public final class CompareBench {
    public static final String HEADER = "model_a,model_b,label,category,shared_init,verdict,p_value,neg_log10_p,units_matched_share,"
            + "groups_tested,groups_agreeing,median_matched_cosine,embedding_cka,mpk_identity,mpk_label,mpk_mfi_tier,mpk_mfi_score,"
            + "mpk_eas,mpk_nlf,mpk_lep,mpk_end,mpk_wvc,mpk_tfv,mpk_voa,wall_s,process_cpu_s,note";

    private final ModelOpener opener;
    private final int permutations;
    private final long seed;
    private final PrintWriter err;

    public CompareBench(ModelOpener opener, int permutations, long seed, PrintWriter err) {
        this.opener = opener;
        this.permutations = permutations;
        this.seed = seed;
        this.err = err;
    }

    /** The zoo's labelled pairs first (small and fast), then the real encoders, as chosen by {@code which}. */
    public static List<BenchPair> pairs(String which, Path zoo) {
        List<BenchPair> pairs = new ArrayList<>();
        if (which.equals("zoo") || which.equals("all")) {
            pairs.addAll(ZooPairs.read(zoo));
        }
        if (which.equals("encoders") || which.equals("all")) {
            pairs.addAll(EncoderPairs.all());
        }
        return pairs;
    }

    /** Runs every pair not yet in {@code csv} on {@code threads} workers; returns how many were run. */
    public int run(List<BenchPair> pairs, Path csv, int threads) throws IOException, InterruptedException {
        Files.createDirectories(csv.toAbsolutePath().getParent());
        Set<String> done = done(csv);
        List<BenchPair> todo = pairs.stream().filter(p -> !done.contains(key(p.nameA(), p.nameB()))).toList();
        err.printf(Locale.ROOT, "compare-bench: %d pairs, %d already in %s, %d to run%n", pairs.size(), pairs.size() - todo.size(), csv,
                todo.size());
        err.flush();
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            if (done.isEmpty() && Files.size(csv) == 0) {
                w.write(HEADER + "\n");
                w.flush();
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (BenchPair p : todo) {
                    futures.add(pool.submit(() -> {
                        String row = row(p);
                        synchronized (w) {
                            try {
                                w.write(row + "\n");
                                w.flush();
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                        synchronized (err) {
                            err.println("compare-bench: " + row);
                            err.flush();
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("a pair failed to be written", e.getCause());
            } finally {
                pool.shutdown();
            }
        }
        return todo.size();
    }

    private static Set<String> done(Path csv) throws IOException {
        Set<String> done = new HashSet<>();
        if (Files.isRegularFile(csv)) {
            for (String line : Files.readAllLines(csv)) {
                String[] f = line.split(",", 3);
                if (f.length >= 2 && !line.equals(HEADER)) {
                    done.add(key(f[0], f[1]));
                }
            }
        }
        return done;
    }

    private static String key(String a, String b) {
        return a + "\u0000" + b;
    }

    /** One CSV row; a pair that cannot be compared (a reader or role error) gets verdict {@code error} and the message. */
    private String row(BenchPair p) {
        long wall0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        ComparisonResult r;
        try (Model ma = opener.open(p.specA()); Model mb = opener.open(p.specB())) {
            r = new ModelComparison(WeightAlignment.Settings.defaults(permutations, seed), Calibration.load(), m -> { })
                    .run(CompareSide.of(p.nameA(), ma), CompareSide.of(p.nameB(), mb));
        } catch (RuntimeException e) {
            return String.join(",", p.nameA(), p.nameB(), p.label(), p.category(), p.sharedInit(), "error")
                    + ",".repeat(20) + seconds(System.nanoTime() - wall0) + "," + seconds(processCpuNanos() - cpu0) + ","
                    + clean(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        double wall = seconds(System.nanoTime() - wall0);
        double cpu = seconds(processCpuNanos() - cpu0);
        MpkSignals m = r.mpk();
        boolean unmapped = r.alignment().notes().stream().anyMatch(n -> n.startsWith("no input embedding"));
        List<String> f = new ArrayList<>(List.of(p.nameA(), p.nameB(), p.label(), p.category(), p.sharedInit(), r.verdict().label()));
        f.add(num(r.pValue()));
        // 0.0 - x rather than -x: p = 1 must print as 0, not -0
        f.add(num(Double.isNaN(r.pValue()) ? Double.NaN : 0.0 - Math.log10(r.pValue())));
        for (String s : List.of("units_matched_share", "groups_tested", "groups_agreeing", "median_matched_cosine", "embedding_cka")) {
            f.add(num(r.signals().getOrDefault(s, Double.NaN)));
        }
        f.add(num(m.identityScore()));
        f.add(clean(m.label()));
        f.add(Integer.toString(m.mfiTier()));
        for (double v : new double[] {m.mfiScore(), m.eas(), m.nlf(), m.lep(), m.end(), m.wvc(), m.tfv(), m.voa(), wall, cpu}) {
            f.add(num(v));
        }
        f.add(unmapped ? "a model's tensors got no roles" : "");
        return String.join(",", f);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e7) / 100.0;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    /** CSV-safe text: no commas, quotes or line breaks. */
    private static String clean(String s) {
        return s == null ? "" : s.replace(',', ';').replace('"', '\'').replace('\n', ' ').replace('\r', ' ');
    }
}
