package dev.pedigree.bench;

import dev.pedigree.compare.Calibration;
import dev.pedigree.compare.CompareSide;
import dev.pedigree.compare.ComparisonResult;
import dev.pedigree.compare.ModelComparison;
import dev.pedigree.compare.Verdict;
import dev.pedigree.model.TensorStore;
import dev.pedigree.model.open.FormatWiring;
import dev.pedigree.model.open.Model;
import dev.pedigree.model.open.ModelOpener;
import dev.pedigree.model.source.ModelLocator;
import dev.pedigree.model.source.SourceEnvironment;
import dev.pedigree.signals.WeightAlignment;
import dev.pedigree.tokenizer.SharedTokens;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * {@code pedigree bench compare}: (1) the false-positive rate of the related threshold on independent
 * same-configuration pairs (the figures {@code calibration.json} records), and (2) end-to-end compare
 * time for two real 133 MB ONNX encoders (bge-small-en, e5-small-v2) taken from their Maven jars.
 */
public final class CompareBenchmark implements Benchmark {
    private static final int CALIBRATION_PAIRS = 200;
    private static final int PERMUTATIONS = 999;

    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String description() {
        return "compare: false-positive rate on independent same-config pairs; end-to-end time for two 133 MB ONNX encoders";
    }

    @Override
    public void run(PrintWriter out) {
        Calibration calibration = Calibration.load();
        int below = 0;
        int below5 = 0;
        int calledRelated = 0;
        int calledUnrelated = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < CALIBRATION_PAIRS; i++) {
            SyntheticTransformer a = SyntheticTransformer.random(1000, 64, 4, 256, 2, 2L * i + 1);
            SyntheticTransformer b = SyntheticTransformer.random(1000, 64, 4, 256, 2, 2L * i + 2);
            try (TensorStore sa = a.store(); TensorStore sb = b.store()) {
                WeightAlignment w = WeightAlignment.run(sa, sb, SharedTokens.byId(1000), WeightAlignment.Settings.defaults(PERMUTATIONS, i),
                        m -> { });
                double p = w.pValue();
                calledRelated += calibration.verdict(w) == Verdict.RELATED ? 1 : 0;
                calledUnrelated += calibration.verdict(w) == Verdict.UNRELATED ? 1 : 0;
                below += p < calibration.relatedBelow() ? 1 : 0;
                below5 += p < 0.05 ? 1 : 0;
            }
        }
        out.printf(Locale.ROOT, "independent same-config pairs (vocab 1000, hidden 64, 4 heads, 256 MLP, 2 layers): %d%n", CALIBRATION_PAIRS);
        out.printf(Locale.ROOT, "  p < %.0e (related): %d   p < 0.05: %d (%.1f%%; a valid test gives at most about 5%%)   %.1f s%n",
                calibration.relatedBelow(), below, below5, 100.0 * below5 / CALIBRATION_PAIRS, (System.nanoTime() - t0) / 1e9);
        out.printf(Locale.ROOT, "  verdicts: related %d, unrelated %d, inconclusive %d%n", calledRelated, calledUnrelated,
                CALIBRATION_PAIRS - calledRelated - calledUnrelated);
        out.printf(Locale.ROOT, "  calibration.json: \"unrelated_pairs\": %d, \"false_positives\": %d%n", CALIBRATION_PAIRS, calledRelated);
        realPair(out, "bge-small-en:1.0.0-beta1", "e5-small-v2:1.0.0-beta1");
        int realUnrelated = 0;
        int realCalledRelated = 0;
        for (String zh : List.of("bge-small-zh:1.0.0-beta1", "bge-small-zh-q:1.0.0-beta1", "bge-small-zh-v15:1.20.0-beta30")) {
            for (String en : List.of("all-minilm-l6-v2:1.0.0-beta1", "bge-small-en:1.0.0-beta1", "bge-small-en-v15:1.0.0-beta1",
                    "e5-small-v2:1.0.0-beta1")) {
                realUnrelated++;
                realCalledRelated += realPair(out, zh, en) == Verdict.RELATED ? 1 : 0;
            }
        }
        out.printf(Locale.ROOT, "real cross-family pairs (Chinese bge vs English encoders): %d, called related: %d%n", realUnrelated,
                realCalledRelated);
    }

    /** Two ONNX encoders from their Maven jars (in the local repository), end to end: open, MPK signals, ours. */
    private static Verdict realPair(PrintWriter out, String a, String b) {
        ModelOpener opener = new ModelOpener(new ModelLocator(SourceEnvironment.system(), new PrintWriter(System.err, true)),
                FormatWiring.standard());
        String prefix = "maven:dev.langchain4j:langchain4j-embeddings-";
        long cpu0 = processCpuNanos();
        long t = System.nanoTime();
        try (Model ma = opener.open(prefix + a); Model mb = opener.open(prefix + b)) {
            ComparisonResult r = new ModelComparison(WeightAlignment.Settings.defaults(PERMUTATIONS, 1), Calibration.load(), m -> { })
                    .run(CompareSide.of(a, ma), CompareSide.of(b, mb));
            double wall = (System.nanoTime() - t) / 1e9;
            double cpu = (processCpuNanos() - cpu0) / 1e9;
            out.printf(Locale.ROOT, "%s vs %s (ONNX): %s p=%.3g; %.1f s wall, %.1f s CPU (%.2f cores busy of %d); phases %s ms%n",
                    a, b, r.verdict().label(), r.pValue(), wall, cpu, cpu / wall, Runtime.getRuntime().availableProcessors(), r.timing());
            return r.verdict();
        }
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
    }
}
