package dev.pedigree.compare;

import dev.pedigree.model.Role;
import dev.pedigree.model.RoleAssignment;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.roles.AmbiguousRoleResolution;
import dev.pedigree.signals.CountedReads;
import dev.pedigree.signals.GroupResult;
import dev.pedigree.signals.Statistics;
import dev.pedigree.signals.WeightAlignment;
import dev.pedigree.signals.mpk.AnchorTokens;
import dev.pedigree.signals.mpk.IdentityScore;
import dev.pedigree.signals.mpk.MetadataFingerprint;
import dev.pedigree.signals.mpk.MfiSimilarity;
import dev.pedigree.signals.mpk.MpkWeightFeatures;
import dev.pedigree.signals.mpk.MpkWeightSimilarity;
import dev.pedigree.signals.mpk.TfvSimilarity;
import dev.pedigree.signals.mpk.TokenizerFeatures;
import dev.pedigree.signals.mpk.VocabularyOverlap;
import dev.pedigree.tokenizer.HuggingFaceEncoder;
import dev.pedigree.tokenizer.SharedTokens;
import dev.pedigree.tokenizer.SpecialTokens;
import dev.pedigree.tokenizer.Vocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs one comparison: MPK's eight signals (reported beside ours, never deciding), then our
 * alignment and independence test, then the verdict from the combined p-value alone.
 */
public final class ModelComparison {
    private final WeightAlignment.Settings settings;
    private final Calibration calibration;
    private final Consumer<String> progress;

    public ModelComparison(WeightAlignment.Settings settings, Calibration calibration, Consumer<String> progress) {
        this.settings = settings;
        this.calibration = calibration;
        this.progress = progress;
    }

    public ComparisonResult run(CompareSide a, CompareSide b) {
        Map<String, Long> timing = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        List<String> roleLines = new ArrayList<>();
        if (!b.store().roleAssignment().ambiguous().isEmpty()) {
            b = settleRoles(b, a, "B", roleLines);
        } else if (!a.store().roleAssignment().ambiguous().isEmpty()) {
            a = settleRoles(a, b, "A", roleLines);
        }
        roleLines.addAll(0, roleSummaries(a, b));
        progress.accept("MPK signals");
        MpkSignals mpk = mpk(a, b, timing);
        long t1 = System.nanoTime();
        SharedTokens shared = sharedTokens(a, b);
        WeightAlignment alignment = WeightAlignment.run(a.store(), kvHeads(a), b.store(), kvHeads(b), shared, settings, progress);
        long t2 = System.nanoTime();
        timing.put("alignment_and_test", (t2 - t1) / 1_000_000);
        timing.put("total", (t2 - t0) / 1_000_000);
        Verdict verdict = calibration.verdict(alignment);
        return new ComparisonResult(a.label(), b.label(), verdict, alignment.pValue(), calibration, signals(alignment, calibration),
                evidence(alignment, verdict, roleLines), mpk, alignment, timing, settings.seed(), settings.permutations(),
                a.store().roleAssignment(), b.store().roleAssignment());
    }

    /** Tentative roles of {@code side} (structure could not tell them apart) settled against {@code other}. */
    private CompareSide settleRoles(CompareSide side, CompareSide other, String label, List<String> lines) {
        progress.accept("telling apart " + label + "'s tentative roles against the other model");
        AmbiguousRoleResolution.Resolution r = AmbiguousRoleResolution.resolve(side.store(), other.store(), label);
        lines.addAll(r.lines());
        return new CompareSide(side.label(), r.store(), side.architecture(), side.config(), side.vocabulary(), side.tokenizerJson());
    }

    /** A line for each model whose roles did not come from a naming table: inferred from structure, or not at all. */
    private static List<String> roleSummaries(CompareSide a, CompareSide b) {
        List<String> out = new ArrayList<>();
        for (CompareSide s : List.of(a, b)) {
            RoleAssignment r = s.store().roleAssignment();
            if (r.method() != RoleAssignment.Method.NAMING_TABLE) {
                out.add((s == a ? "A" : "B") + " (" + s.label() + "): " + r.summary());
            }
        }
        return out;
    }

    /**
     * Key/value heads as declared (num_key_value_heads, GGUF head_count_kv), 0 when not declared: plain
     * multi-head attention needs no count, and a grouped layout is never guessed from the query heads.
     */
    private static int kvHeads(CompareSide s) {
        Integer kv = s.architecture() == null ? null : s.architecture().numKvHeads();
        return kv == null || kv <= 0 ? 0 : kv;
    }

    /** Whether the read budget limits either model, which leaves out MPK's whole-matrix signals. */
    private boolean readsLimited(CompareSide a, CompareSide b) {
        return settings.readBudget().limitFor(new CountedReads(a.store()).totalBytes()) != Long.MAX_VALUE
                || settings.readBudget().limitFor(new CountedReads(b.store()).totalBytes()) != Long.MAX_VALUE;
    }

    /** Shared tokens by normalised text; by id when neither side has a vocabulary but the rows agree. */
    private static SharedTokens sharedTokens(CompareSide a, CompareSide b) {
        Optional<TensorInfo> ea = a.store().find(Role.EMBEDDING, -1);
        Optional<TensorInfo> eb = b.store().find(Role.EMBEDDING, -1);
        if (ea.isEmpty() || eb.isEmpty()) {
            return null;
        }
        int ra = Math.toIntExact(ea.get().rows());
        int rb = Math.toIntExact(eb.get().rows());
        if (a.vocabulary() != null && b.vocabulary() != null) {
            return SharedTokens.align(a.vocabulary(), ra, b.vocabulary(), rb);
        }
        return a.vocabulary() == null && b.vocabulary() == null && ra == rb ? SharedTokens.byId(ra) : null;
    }

    private static Map<String, Double> signals(WeightAlignment w, Calibration calibration) {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("shared_tokens", w.embedding() == null ? Double.NaN : w.embedding().sharedTokens());
        s.put("sampled_tokens", w.embedding() == null ? Double.NaN : w.embedding().sampledTokens());
        s.put("embedding_cka", w.embedding() == null ? Double.NaN : w.embedding().cka());
        s.put("hidden_units_matched", w.embedding() == null ? Double.NaN : w.embedding().matchedHiddenUnits());
        s.put("hidden_median_correlation", w.embedding() == null ? Double.NaN : w.embedding().medianCorrelation());
        s.put("groups_tested", (double) w.groups().size());
        long matched = 0;
        long compared = 0;
        for (GroupResult g : w.groups()) {
            matched += g.matchedUnits();
            compared += g.comparedUnits();
        }
        s.put("units_matched_share", compared == 0 ? Double.NaN : (double) matched / compared);
        s.put("groups_agreeing", (double) w.groups().stream().filter(calibration::agrees).count());
        s.put("median_matched_cosine", Statistics.median(w.groups().stream().mapToDouble(GroupResult::medianCosineIn).toArray()));
        s.put("median_held_out_cosine", Statistics.median(w.groups().stream().mapToDouble(GroupResult::medianCosineOut).toArray()));
        s.put("p_value", w.pValue());
        WeightAlignment.ReadSummary r = w.reads();
        s.put("layers_compared", (double) r.layersA().length);
        s.put("layers_a", (double) r.layerCountA());
        s.put("layers_b", (double) r.layerCountB());
        s.put("bytes_read_a", (double) r.bytesReadA());
        s.put("bytes_total_a", (double) r.totalBytesA());
        s.put("bytes_read_b", (double) r.bytesReadB());
        s.put("bytes_total_b", (double) r.totalBytesB());
        return s;
    }

    private static List<String> evidence(WeightAlignment w, Verdict verdict, List<String> roleLines) {
        List<String> lines = new ArrayList<>();
        if (w.embedding() != null) {
            lines.add(String.format(java.util.Locale.ROOT,
                    "embeddings: %d shared tokens (%d sampled), linear CKA %.3f; %d hidden units matched, median correlation %.3f",
                    w.embedding().sharedTokens(), w.embedding().sampledTokens(), w.embedding().cka(), w.embedding().matchedHiddenUnits(),
                    w.embedding().medianCorrelation()));
        }
        if (!w.groups().isEmpty()) {
            lines.add(String.format(java.util.Locale.ROOT, "independence test: %d unit groups, Fisher-combined p = %.3g (%s)",
                    w.groups().size(), w.pValue(), verdict.label()));
        }
        lines.addAll(roleLines);
        w.groups().stream().sorted(Comparator.comparingInt(GroupResult::layerA).thenComparing(GroupResult::group))
                .forEach(g -> lines.add(g.evidence()));
        lines.addAll(w.notes());
        lines.add(readLine(w.reads()));
        return lines;
    }

    /** "read: layers 0, 7, 14, 21 of 22 (A) ↔ 0, 7, 14, 21 of 22 (B); 212 MB of 2.20 GB (9.6%) of A, …; budget auto" */
    private static String readLine(WeightAlignment.ReadSummary r) {
        return String.format(java.util.Locale.ROOT, "read: layers %s of %d (A) ↔ %s of %d (B); %s of A, %s of B; read budget %s",
                joined(r.layersA()), r.layerCountA(), joined(r.layersB()), r.layerCountB(), share(r.bytesReadA(), r.totalBytesA()),
                share(r.bytesReadB(), r.totalBytesB()), r.budget());
    }

    private static String joined(int[] layers) {
        return layers.length == 0 ? "none" : java.util.Arrays.stream(layers).mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(", "));
    }

    private static String share(long read, long total) {
        return String.format(java.util.Locale.ROOT, "%,d of %,d bytes (%.1f%%)", read, total, total == 0 ? 0.0 : 100.0 * read / total);
    }

    private MpkSignals mpk(CompareSide a, CompareSide b, Map<String, Long> timing) {
        long t = System.nanoTime();
        Map<String, Object> ca = a.config() != null ? a.config() : MetadataFingerprint.configOf(a.architecture());
        Map<String, Object> cb = b.config() != null ? b.config() : MetadataFingerprint.configOf(b.architecture());
        MfiSimilarity mfi = null;
        if (!ca.isEmpty() && !cb.isEmpty()) {
            mfi = MfiSimilarity.of(fingerprint(ca, a.vocabulary()), fingerprint(cb, b.vocabulary()));
        }
        double tfv = Double.NaN;
        double voa = Double.NaN;
        if (a.vocabulary() != null && b.vocabulary() != null) {
            tfv = TfvSimilarity.of(TokenizerFeatures.of(a.vocabulary()), TokenizerFeatures.of(b.vocabulary()));
            voa = VocabularyOverlap.of(a.vocabulary().strings(), b.vocabulary().strings()).jaccard();
        }
        timing.put("mpk_metadata_tokenizer", (System.nanoTime() - t) / 1_000_000);
        t = System.nanoTime();
        boolean whole = !readsLimited(a, b);
        MpkWeightFeatures fa = MpkWeightFeatures.extract(a.store(), anchors(a), whole);
        MpkWeightFeatures fb = MpkWeightFeatures.extract(b.store(), anchors(b), whole);
        double eas = MpkWeightSimilarity.eas(fa, fb);
        double nlf = MpkWeightSimilarity.nlf(fa, fb);
        double lep = MpkWeightSimilarity.lep(fa, fb);
        double end = MpkWeightSimilarity.end(fa, fb);
        double wvc = MpkWeightSimilarity.wvc(fa, fb);
        double identity = IdentityScore.of(eas, nlf, lep, end, wvc);
        timing.put("mpk_weights", (System.nanoTime() - t) / 1_000_000);
        String label = mfi == null ? IdentityScore.label(new MfiSimilarity(3, Double.NaN), identity) : IdentityScore.label(mfi, identity);
        return new MpkSignals(mfi == null ? 0 : mfi.tier(), mfi == null ? Double.NaN : mfi.score(), eas, nlf, lep, end, wvc, tfv, voa,
                identity, label);
    }

    private static Map<String, Object> fingerprint(Map<String, Object> config, Vocabulary v) {
        return MetadataFingerprint.of(config, v == null ? SpecialTokens.NONE : v.special(), v == null ? null : v.sourceSha256());
    }

    private int[] anchors(CompareSide s) {
        Optional<TensorInfo> emb = s.store().find(Role.EMBEDDING, -1);
        if (emb.isEmpty()) {
            return new int[0];
        }
        int rows = Math.toIntExact(emb.get().rows());
        List<String> vocab = s.vocabulary() == null ? null : s.vocabulary().strings();
        if (s.tokenizerJson() == null) {
            return AnchorTokens.select(null, vocab, rows);
        }
        try (HuggingFaceEncoder enc = HuggingFaceEncoder.open(s.tokenizerJson())) {
            return AnchorTokens.select(enc, vocab, rows);
        } catch (RuntimeException e) {
            progress.accept("EAS anchors without tokenizer for " + s.label() + ": " + e.getMessage());
            return AnchorTokens.select(null, vocab, rows);
        }
    }
}
