package dev.pedigree.bench;

import dev.pedigree.compare.Calibration;
import dev.pedigree.compare.CompareSide;
import dev.pedigree.compare.ComparisonResult;
import dev.pedigree.compare.ModelComparison;
import dev.pedigree.compare.Verdict;
import dev.pedigree.model.TensorStore;
import dev.pedigree.signals.WeightAlignment;
import dev.pedigree.tokenizer.SharedTokens;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * {@code pedigree bench compare}: (1) the false-positive rate of the related threshold on independent
 * same-configuration pairs (the figures {@code calibration.json} records), and (2) end-to-end compare
 * time for a pair of bge-small-sized models (30522 × 384 embedding, 12 layers, 1536 MLP neurons).
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
        return "compare: false-positive rate on independent same-config pairs; end-to-end time for bge-small-sized pairs";
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
        SyntheticTransformer base = SyntheticTransformer.random(30522, 384, 12, 1536, 12, 42);
        timed(out, "bge-small-sized noisy copy", base, base.noisy(0.3, 43));
        timed(out, "bge-small-sized independent pair", base, SyntheticTransformer.random(30522, 384, 12, 1536, 12, 44));
    }

    private static void timed(PrintWriter out, String what, SyntheticTransformer a, SyntheticTransformer b) {
        try (TensorStore sa = a.store(); TensorStore sb = b.store()) {
            ModelComparison c = new ModelComparison(WeightAlignment.Settings.defaults(PERMUTATIONS, 1), Calibration.load(), m -> { });
            long t = System.nanoTime();
            ComparisonResult r = c.run(new CompareSide("A", sa, null, null, null, null), new CompareSide("B", sb, null, null, null, null));
            out.printf(Locale.ROOT, "%s: %s p=%.3g in %.2f s (%s ms), %d cores%n", what, r.verdict().label(), r.pValue(),
                    (System.nanoTime() - t) / 1e9, r.timing(), Runtime.getRuntime().availableProcessors());
        }
    }
}
