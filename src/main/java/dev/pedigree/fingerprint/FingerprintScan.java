package dev.pedigree.fingerprint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Searches a {@link FingerprintDatabase} for the entries a query model is built on, in two passes:
 * <ol>
 * <li>first pass over every entry: the cosine of the weight sketches (brute force over one contiguous
 *     array, {@link SketchMatrix}, split across the cores)
 *     and equal hashes ({@code arch_hash}, {@code family_hash}, tokenizer hash, vocabulary digest);
 *     the best {@code max(20, 4·k)} by sketch plus the hash matches that have no sketch to rank them by
 *     (metadata-only entries, or every hash match when the query has no weights; up to as many again)
 *     form the short list. Measured on the shipped database: every weight-inheriting zoo child (fine-tune,
 *     permuted, int8, bf16, GGUF f16/q8_0, continued pre-training, and the distilled student) and every
 *     int8 encoder twin has its parent at first-pass rank 1 by sketch, so weight entries that only share
 *     a hash with the query add cost, not recall;</li>
 * <li>{@link EntryComparison} on the short list, from the stored features, the query's side prepared once
 *     and the entries compared in parallel.</li>
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
     * @param picked     indices into the database's entries of the short list: best by sketch, then hash matches
     * @param similarity sketch cosine of every database entry, by index (NaN without a sketch or for the query itself)
     */
    public record Shortlist(int[] picked, double[] similarity) {
    }

    /** The first pass alone: sketch cosines over every entry and hash matches, into a short list. */
    public Shortlist shortlist(Fingerprint query, FingerprintDatabase db, int topK) {
        List<IndexEntry> entries = db.entries();
        int n = entries.size();
        int want = Math.max(MIN_SHORTLIST, 4 * topK);
        float[] qs = query.hasWeights() ? query.weights().sketch() : null;
        double[] sim = qs != null && qs.length == WeightSketch.LENGTH ? db.sketches().similarities(qs) : nans(n);
        int[] hashMatches = new int[want];
        int hashCount = 0;
        String arch = query.mfiString("arch_hash");
        String family = query.mfiString("family_hash");
        String tok = query.tokenizer() == null ? null : query.tokenizer().tokenizerHash();
        String vocab = query.tokenizer() == null ? null : query.tokenizer().vocabDigest();
        String digest = query.model().digest();
        for (int i = 0; i < n; i++) {
            IndexEntry e = entries.get(i);
            if (digest != null && digest.equals(e.model().digest())) {
                sim[i] = Double.NaN;
                continue;
            }
            // Hash matches join the short list only where the sketch cannot rank them (no sketch on either
            // side): an entry with a sketch is ranked by it, which puts every zoo child's and encoder
            // twin's parent first (see the class comment), while equal hashes say only "same configuration".
            if (hashCount < want && Double.isNaN(sim[i]) && (same(arch, e.archHash()) || same(family, e.familyHash())
                    || same(tok, e.tokenizerHash()) || same(vocab, e.vocabDigest()))) {
                hashMatches[hashCount++] = i;
            }
        }
        // Disjoint: the sketch's picks have a similarity, the hash matches none.
        int[] top = topIndices(sim, want);
        int[] picked = Arrays.copyOf(top, top.length + hashCount);
        System.arraycopy(hashMatches, 0, picked, top.length, hashCount);
        return new Shortlist(picked, sim);
    }

    /** Both passes; the phases' milliseconds are added to {@code timing}, which the result carries. */
    public ScanResult scan(Fingerprint query, FingerprintDatabase db, int topK, Map<String, Long> timing) {
        long t0 = System.nanoTime();
        List<IndexEntry> entries = db.entries();
        Shortlist first = shortlist(query, db, topK);
        String digest = query.model().digest();
        List<ModelIdentity> identical = digest == null ? List.of()
                : entries.stream().filter(e -> digest.equals(e.model().digest())).map(IndexEntry::model).toList();
        long t1 = System.nanoTime();
        List<String> warnings = new ArrayList<>(db.warnings());
        EntryComparison.QuerySide side = comparison.prepare(query);
        List<ScanMatch> judged = Arrays.stream(first.picked()).parallel().mapToObj(i -> {
            try {
                return comparison.compare(side, db.read(entries.get(i)), first.similarity()[i]);
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
                first.picked().length, comparison.permutations(), comparison.seed(), comparison.rule(), warnings, timing);
    }

    private static double[] nans(int n) {
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        return v;
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
        return Arrays.copyOf(idx, size);
    }
}
