package dev.pedigree.fingerprint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Searches a {@link FingerprintDatabase} for the entries a query model is built on, in two passes:
 * <ol>
 * <li>first pass over every entry: the cosine of the weight sketches (brute force over float arrays)
 *     and equal hashes ({@code arch_hash}, {@code family_hash}, tokenizer hash, vocabulary digest);
 *     the best {@code max(20, 4·k)} by sketch plus the hash matches (up to as many again) form the short list;</li>
 * <li>{@link EntryComparison} on the short list, from the stored features.</li>
 * </ol>
 */
public final class FingerprintScan {
    static final int MIN_SHORTLIST = 20;
    private final EntryComparison comparison;

    public FingerprintScan(EntryComparison comparison) {
        this.comparison = comparison;
    }

    /**
     * The first pass.
     *
     * @param entries    the short list: best by sketch, then hash matches
     * @param similarity sketch cosine of every database entry, by index (NaN without a sketch or for the query itself)
     */
    public record Shortlist(List<IndexEntry> entries, double[] similarity) {
    }

    /** The first pass alone: sketch cosines over every entry and hash matches, into a short list. */
    public Shortlist shortlist(Fingerprint query, List<IndexEntry> entries, int topK) {
        int n = entries.size();
        int want = Math.max(MIN_SHORTLIST, 4 * topK);
        float[] qs = query.hasWeights() ? query.weights().sketch() : null;
        double[] sim = new double[n];
        List<Integer> hashMatches = new ArrayList<>();
        String arch = query.mfiString("arch_hash");
        String family = query.mfiString("family_hash");
        String tok = query.tokenizer() == null ? null : query.tokenizer().tokenizerHash();
        String vocab = query.tokenizer() == null ? null : query.tokenizer().vocabDigest();
        String digest = query.model().digest();
        for (int i = 0; i < n; i++) {
            IndexEntry e = entries.get(i);
            sim[i] = qs != null && e.sketch() != null ? WeightSketch.similarity(qs, e.sketch()) : Double.NaN;
            if (digest != null && digest.equals(e.model().digest())) {
                sim[i] = Double.NaN;
                continue;
            }
            if (same(arch, e.archHash()) || same(family, e.familyHash()) || same(tok, e.tokenizerHash()) || same(vocab, e.vocabDigest())) {
                hashMatches.add(i);
            }
        }
        Set<Integer> picked = new LinkedHashSet<>();
        for (int i : topIndices(sim, want)) {
            picked.add(i);
        }
        hashMatches.stream().limit(want).forEach(picked::add);
        List<IndexEntry> out = new ArrayList<>();
        picked.forEach(i -> out.add(entries.get(i)));
        return new Shortlist(out, sim);
    }

    /** Both passes; the phases' milliseconds are added to {@code timing}, which the result carries. */
    public ScanResult scan(Fingerprint query, FingerprintDatabase db, int topK, Map<String, Long> timing) {
        long t0 = System.nanoTime();
        List<IndexEntry> entries = db.entries();
        Shortlist first = shortlist(query, entries, topK);
        List<IndexEntry> shortlist = first.entries();
        Map<IndexEntry, Double> simOf = new java.util.IdentityHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            simOf.put(entries.get(i), first.similarity()[i]);
        }
        List<ModelIdentity> identical = entries.stream()
                .filter(e -> query.model().digest() != null && query.model().digest().equals(e.model().digest())).map(IndexEntry::model)
                .toList();
        long t1 = System.nanoTime();
        List<String> warnings = new ArrayList<>(db.warnings());
        List<ScanMatch> judged = shortlist.parallelStream().map(e -> {
            try {
                return comparison.compare(query, db.read(e), simOf.get(e));
            } catch (CorruptEntryException ex) {
                synchronized (warnings) {
                    warnings.add("skipped entry " + ex.getMessage());
                }
                return null;
            }
        }).filter(Objects::nonNull).toList();
        long t2 = System.nanoTime();
        List<ScanMatch> weights = judged.stream().filter(m -> ModelIdentity.WEIGHTS.equals(m.matchType()))
                .sorted(Comparator.comparingDouble(ScanMatch::score).reversed().thenComparingDouble(ScanMatch::pValue)).toList();
        List<ScanMatch> metadata = judged.stream().filter(m -> ModelIdentity.METADATA_ONLY.equals(m.matchType()))
                .sorted(Comparator.comparingInt((ScanMatch m) -> m.mpk().mfiTier()).thenComparing(Comparator.comparingDouble(ScanMatch::score).reversed()))
                .toList();
        List<ScanMatch> matches = new ArrayList<>(weights);
        matches.addAll(metadata);
        List<ScanMatch> nearest = judged.stream().filter(m -> m.matchType() == null && !Double.isNaN(m.sketchSimilarity()))
                .sorted(Comparator.comparingDouble(ScanMatch::sketchSimilarity).reversed()).limit(topK).toList();
        timing.put("first_pass", (t1 - t0) / 1_000_000);
        timing.put("second_pass", (t2 - t1) / 1_000_000);
        return new ScanResult(query.model(), identical, matches.subList(0, Math.min(topK, matches.size())), nearest, entries.size(),
                shortlist.size(), comparison.permutations(), comparison.seed(), comparison.rule(), warnings, timing);
    }

    private static boolean same(String a, String b) {
        return a != null && a.equals(b);
    }

    /** Indices of the {@code k} largest non-NaN values, largest first. */
    static int[] topIndices(double[] v, int k) {
        // A bounded insertion list: k is tens, the array tens of thousands.
        int[] idx = new int[k];
        double[] val = new double[k];
        int size = 0;
        for (int i = 0; i < v.length; i++) {
            double x = v[i];
            if (Double.isNaN(x) || size == k && x <= val[size - 1]) {
                continue;
            }
            int pos = size == k ? k - 1 : size++;
            while (pos > 0 && val[pos - 1] < x) {
                val[pos] = val[pos - 1];
                idx[pos] = idx[pos - 1];
                pos--;
            }
            val[pos] = x;
            idx[pos] = i;
        }
        return java.util.Arrays.copyOf(idx, size);
    }
}
