package dev.pedigree.fingerprint;

import dev.pedigree.compare.Calibration;
import dev.pedigree.signals.MatchAgreementTest;
import dev.pedigree.signals.mpk.MfiSimilarity;
import dev.pedigree.signals.mpk.MpkWeightFeatures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The second scan pass: one query fingerprint against one entry, from stored features only.
 *
 * <p>The weight test is the match-agreement independence test of {@code compare}, applied to the
 * hidden units of the input embedding: the anchor tokens both fingerprints share are split in two
 * halves by their text; the embedding's hidden units (columns) are matched between the models once
 * on each half (linear assignment on column correlations). A function-preserving re-ordering of
 * hidden units moves a unit's values on both halves together, so in related models the two
 * matchings agree unit for unit; under independent training from an exchangeable random
 * initialisation they agree only by chance, and the exact permutation p-value says how rarely.
 * Related needs that p-value below the calibrated threshold <em>and</em> an effect size: the agreeing
 * units {@code compare}'s calibration asks of a unit group, and at least {@link #MIN_AGREEMENT_SHARE}
 * of all compared units.
 */
public final class EntryComparison {
    /** Fewer shared anchor tokens than this per half and the weights cannot be compared. */
    static final int MIN_TOKENS_PER_HALF = 16;
    /**
     * The effect size related needs on top of a small p-value: at least half of the hidden units
     * matched alike on both halves. Independent models trained on the same data share structure the
     * exchangeability null ignores, so their p-values can be tiny; what they never reach is agreement
     * on most units. Measured with this test (see {@code ZooScanTest} and the shipped-database tests):
     * the zoo's independent same-configuration runs, its cross-architecture pairs and its distilled
     * student agree on at most 11 of 32 units (34%); MiniLM against the Chinese bge-small models on 3-4
     * of 384 (1%); every weight-inheriting zoo child (fine-tune, permuted, int8, bf16, GGUF f16/q8_0,
     * continued pre-training) and every fp32/int8 encoder twin on all of them (100%).
     */
    static final double MIN_AGREEMENT_SHARE = 0.5;
    /**
     * Every pair is first tested with this many permutations; only pairs whose p-value is at most
     * {@link #SCREEN_LEVEL} get the full count. Each reported p-value is an exact permutation p-value
     * of the run that produced it, and a pair reaches any level below the screen only through the
     * full run, so the screen keeps the test valid while sparing most of the short list the full cost.
     */
    static final int SCREEN_PERMUTATIONS = 999;
    static final double SCREEN_LEVEL = 0.01;
    private final Calibration calibration;
    private final int permutations;
    private final long seed;

    public EntryComparison(Calibration calibration, int permutations, long seed) {
        this.calibration = calibration;
        this.permutations = permutations;
        this.seed = seed;
    }

    public static EntryComparison withDefaults() {
        return new EntryComparison(CompareSignals.calibration(), 11_999, 42);
    }

    public int permutations() {
        return permutations;
    }

    public long seed() {
        return seed;
    }

    public Calibration calibration() {
        return calibration;
    }

    /** The decision rule in words, for reports. */
    public String rule() {
        return String.format(java.util.Locale.ROOT, "related when p < %.0e with at least %d and at least %.0f%% of the hidden units matched alike; "
                + "unrelated when fewer agree; metadata and tokenizer hashes never decide", calibration.relatedBelow(),
                calibration.minAgreeingUnits(), 100 * Math.max(MIN_AGREEMENT_SHARE, calibration.minAgreeingShare()));
    }

    /**
     * What every comparison needs from the query, computed once per scan: its anchor rows decoded, each
     * anchor token's half, the rows' cosine (Gram) matrix and MPK's features.
     */
    public static final class QuerySide {
        private final Fingerprint fingerprint;
        private final MpkWeightFeatures mpk;
        private final float[][] rows;
        private final int[] half;
        private final double[] gram;

        private QuerySide(Fingerprint fingerprint) {
            this.fingerprint = fingerprint;
            this.mpk = fingerprint.hasWeights() ? features(fingerprint.weights().mpk()) : null;
            AnchorRows a = fingerprint.hasWeights() ? fingerprint.weights().anchors() : null;
            if (a == null) {
                rows = null;
                half = null;
                gram = null;
                return;
            }
            int n = a.count();
            rows = new float[n][];
            half = new int[n];
            float[][] unit = new float[n][];
            for (int i = 0; i < n; i++) {
                rows[i] = a.row(i);
                unit[i] = unit(a.row(i));
                half[i] = Shared.halfOf(a.tokens().get(i));
            }
            gram = upperDots(unit, true);
        }
    }

    /** The query's side of {@link #compare(QuerySide, Fingerprint, double)}. */
    public QuerySide prepare(Fingerprint query) {
        return new QuerySide(query);
    }

    public ScanMatch compare(Fingerprint query, Fingerprint entry, double sketchSimilarity) {
        return compare(prepare(query), entry, sketchSimilarity);
    }

    public ScanMatch compare(QuerySide q, Fingerprint entry, double sketchSimilarity) {
        Fingerprint query = q.fingerprint;
        MfiSimilarity mfi = CompareSignals.mfiSimilarity(query.mfi(), entry.mfi());
        if (!entry.hasWeights() || !query.hasWeights()) {
            return metadataOnly(query, entry, mfi);
        }
        List<String> evidence = new ArrayList<>();
        ScanMatch.MpkNumbers mpk = mpk(q.mpk, features(entry.weights().mpk()), mfi);
        AnchorRows qa = query.weights().anchors();
        AnchorRows ea = entry.weights().anchors();
        String verdict;
        double score = Double.NaN;
        double p = Double.NaN;
        if (qa == null || ea == null) {
            verdict = "inconclusive";
            evidence.add("no input embedding on one side: the weights cannot be aligned (try the black-box `set` test)");
        } else {
            Shared shared = Shared.of(qa, q.half, ea);
            if (shared.half[0].size() < MIN_TOKENS_PER_HALF || shared.half[1].size() < MIN_TOKENS_PER_HALF) {
                verdict = "inconclusive";
                evidence.add(String.format(Locale.ROOT, "only %d anchor tokens shared (%d needed): vocabularies too different to align "
                        + "from fingerprints; run `compare` on the two models", shared.count(), 2 * MIN_TOKENS_PER_HALF));
            } else {
                float[][] eRows = new float[ea.count()][];
                for (int[] pair : shared.all()) {
                    eRows[pair[1]] = ea.row(pair[1]);
                }
                float[] simIn = correlations(q.rows, qa.dim(), eRows, ea.dim(), shared.half[0]);
                float[] simOut = correlations(q.rows, qa.dim(), eRows, ea.dim(), shared.half[1]);
                int[] in = CompareSignals.matchUnits(simIn, qa.dim(), ea.dim());
                int[] out = CompareSignals.matchUnits(simOut, qa.dim(), ea.dim());
                MatchAgreementTest.Result r = CompareSignals.agreementTest(in, out, ea.dim(), Math.min(SCREEN_PERMUTATIONS, permutations), seed);
                if (r.pValue() <= SCREEN_LEVEL && permutations > SCREEN_PERMUTATIONS) {
                    r = CompareSignals.agreementTest(in, out, ea.dim(), permutations, seed);
                }
                boolean agrees = CompareSignals.agrees(calibration, r.agreement(), r.compared())
                        && r.agreement() >= MIN_AGREEMENT_SHARE * r.compared();
                p = r.pValue();
                score = heldOutMedian(simOut, ea.dim(), in);
                verdict = agrees && p < calibration.relatedBelow() ? "related" : agrees ? "inconclusive" : "unrelated";
                evidence.add(String.format(Locale.ROOT,
                        "embedding hidden units: %d/%d matched alike on two disjoint halves of %d shared anchor tokens, p = %.3g "
                                + "(%d permutations, seed %d); held-out median correlation of matched units %.3f", r.agreement(),
                        r.compared(), shared.count(), p, r.permutations(), seed, score));
                evidence.add(String.format(Locale.ROOT, "anchor geometry: correlation of the token cosine matrices %.3f over %d shared tokens",
                        gramCorrelation(q, eRows, shared), shared.count()));
            }
        }
        if (entry.weights().hiddenSize() != query.weights().hiddenSize() || entry.weights().layers() != query.weights().layers()) {
            evidence.add(String.format(Locale.ROOT, "shapes differ: width %d and %d, %d and %d layers", query.weights().hiddenSize(),
                    entry.weights().hiddenSize(), query.weights().layers(), entry.weights().layers()));
        }
        evidence.add(mpkLine(mpk));
        return new ScanMatch(entry.model(), "related".equals(verdict) ? ModelIdentity.WEIGHTS : null, verdict, score, p, sketchSimilarity,
                mpk, evidence);
    }

    private ScanMatch metadataOnly(Fingerprint query, Fingerprint entry, MfiSimilarity mfi) {
        List<String> evidence = new ArrayList<>();
        boolean sameTokenizer = query.tokenizer() != null && entry.tokenizer() != null && query.tokenizer().tokenizerHash() != null
                && query.tokenizer().tokenizerHash().equals(entry.tokenizer().tokenizerHash());
        boolean metadataMatch = mfi != null && mfi.tier() <= 2 || sameTokenizer;
        if (mfi != null && mfi.tier() == 1) {
            evidence.add("same arch_hash (MPK MFI tier 1): identical declared configuration");
        } else if (mfi != null && mfi.tier() == 2) {
            evidence.add("same family_hash, width and depth (MPK MFI tier 2)");
        } else if (mfi != null) {
            evidence.add(String.format(Locale.ROOT, "MPK MFI tier 3, soft score %.3f", mfi.score()));
        }
        if (sameTokenizer) {
            evidence.add("same tokenizer file (tokenizer_hash equal)");
        }
        evidence.add("metadata only: " + (entry.hasWeights() ? "the query" : "this entry") + " has no weight features, and a copied config "
                + "or tokenizer gives the same hashes; not evidence of lineage");
        ScanMatch.MpkNumbers mpk = new ScanMatch.MpkNumbers(mfi == null ? 0 : mfi.tier(), mfi == null ? Double.NaN : mfi.score(),
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, CompareSignals.mpkLabel(mfi, Double.NaN));
        return new ScanMatch(entry.model(), metadataMatch ? ModelIdentity.METADATA_ONLY : null, "metadata-resemblance",
                mfi == null ? Double.NaN : mfi.score(), Double.NaN, Double.NaN, mpk, evidence);
    }

    /** Tokens both sides keep, split in two halves by a hash of their text (the same split on both sides). */
    record Shared(List<int[]>[] half) {
        /** @param halfA per token of {@code a}, its half ({@link #halfOf}) */
        @SuppressWarnings("unchecked")
        static Shared of(AnchorRows a, int[] halfA, AnchorRows b) {
            Map<String, Integer> inB = new HashMap<>();
            for (int i = 0; i < b.count(); i++) {
                inB.putIfAbsent(b.tokens().get(i), i);
            }
            List<int[]>[] half = new List[] {new ArrayList<int[]>(), new ArrayList<int[]>()};
            for (int i = 0; i < a.count(); i++) {
                Integer j = inB.get(a.tokens().get(i));
                if (j != null) {
                    half[halfA[i]].add(new int[] {i, j});
                }
            }
            return new Shared(half);
        }

        static int halfOf(String token) {
            return Math.floorMod(Sha256.hex(token).charAt(0), 2);
        }

        int count() {
            return half[0].size() + half[1].size();
        }

        List<int[]> all() {
            List<int[]> out = new ArrayList<>(half[0]);
            out.addAll(half[1]);
            return out;
        }
    }

    /**
     * The score: median, over A's hidden units, of the correlation with the partner the first half chose,
     * measured on the second half (held out from the matching, so chance pairings score near 0).
     */
    static double heldOutMedian(float[] simOut, int nB, int[] in) {
        double[] v = new double[in.length];
        int n = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] >= 0) {
                v[n++] = simOut[i * nB + in[i]];
            }
        }
        return n == 0 ? 0 : dev.pedigree.signals.Statistics.median(java.util.Arrays.copyOf(v, n));
    }

    /**
     * Correlation of every hidden unit of A with every one of B over the tokens {@code pairs}, row-major
     * dimA × dimB. Accumulated as rows of B's transposed columns added into a row of sums (a loop the JIT
     * vectorises), in the same order per element as a plain dot product, so the values are the same.
     */
    private static float[] correlations(float[][] rowsA, int da, float[][] rowsB, int db, List<int[]> pairs) {
        int n = pairs.size();
        float[] ca = centredColumns(rowsA, da, pairs, 0);
        float[] cb = centredColumns(rowsB, db, pairs, 1);
        float[] cbT = new float[n * db];
        for (int j = 0; j < db; j++) {
            for (int t = 0; t < n; t++) {
                cbT[t * db + j] = cb[j * n + t];
            }
        }
        float[] sim = new float[da * db];
        double[] acc = new double[db];
        for (int i = 0; i < da; i++) {
            Arrays.fill(acc, 0);
            for (int t = 0; t < n; t++) {
                float a = ca[i * n + t];
                int row = t * db;
                for (int j = 0; j < db; j++) {
                    acc[j] += a * cbT[row + j];
                }
            }
            for (int j = 0; j < db; j++) {
                sim[i * db + j] = (float) acc[j];
            }
        }
        return sim;
    }

    /** Columns (hidden units) of the selected rows, centred and scaled to unit length: {@code dim × n}. */
    private static float[] centredColumns(float[][] rows, int d, List<int[]> pairs, int side) {
        int n = pairs.size();
        float[] cols = new float[d * n];
        for (int t = 0; t < n; t++) {
            float[] row = rows[pairs.get(t)[side]];
            for (int c = 0; c < d; c++) {
                cols[c * n + t] = row[c];
            }
        }
        for (int c = 0; c < d; c++) {
            double mean = 0;
            for (int t = 0; t < n; t++) {
                mean += cols[c * n + t];
            }
            mean /= n;
            double ss = 0;
            for (int t = 0; t < n; t++) {
                cols[c * n + t] -= (float) mean;
                ss += (double) cols[c * n + t] * cols[c * n + t];
            }
            double norm = Math.sqrt(ss);
            for (int t = 0; t < n; t++) {
                cols[c * n + t] = norm > 0 ? (float) (cols[c * n + t] / norm) : 0;
            }
        }
        return cols;
    }

    /**
     * Pearson correlation of the two cosine (Gram) matrices' upper triangles over the shared tokens; the
     * query's side looked up in its Gram matrix, computed once per scan.
     */
    private static double gramCorrelation(QuerySide q, float[][] rowsB, Shared shared) {
        List<int[]> pairs = shared.all();
        int n = pairs.size();
        int nq = q.rows.length;
        float[][] rb = new float[n][];
        for (int t = 0; t < n; t++) {
            rb[t] = unit(rowsB[pairs.get(t)[1]].clone());
        }
        double[] gb = upperDots(rb, false);
        double[] ga = new double[gb.length];
        int o = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                ga[o++] = q.gram[pairs.get(i)[0] * nq + pairs.get(j)[0]];
            }
        }
        return dev.pedigree.signals.Statistics.pearson(ga, gb);
    }

    /**
     * Dot products of every pair {@code i < j} of {@code rows}: the upper triangle row by row, or with
     * {@code square} the full symmetric {@code n × n} matrix (diagonal left 0). Summed in float over eight
     * independent partial sums, which the processor overlaps: these are cosines of unit rows of a few
     * hundred int8-quantised values, so float sums move them by about 1e-7, far below the quantisation,
     * and they feed only the geometry evidence line, never the test.
     */
    private static double[] upperDots(float[][] rows, boolean square) {
        int n = rows.length;
        double[] out = new double[square ? n * n : n * (n - 1) / 2];
        int o = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = dot8(rows[i], rows[j]);
                if (square) {
                    out[i * n + j] = v;
                    out[j * n + i] = v;
                } else {
                    out[o++] = v;
                }
            }
        }
        return out;
    }

    private static float dot8(float[] a, float[] b) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int c = 0;
        for (; c + 7 < a.length; c += 8) {
            s0 += a[c] * b[c];
            s1 += a[c + 1] * b[c + 1];
            s2 += a[c + 2] * b[c + 2];
            s3 += a[c + 3] * b[c + 3];
            s4 += a[c + 4] * b[c + 4];
            s5 += a[c + 5] * b[c + 5];
            s6 += a[c + 6] * b[c + 6];
            s7 += a[c + 7] * b[c + 7];
        }
        float s = s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7;
        for (; c < a.length; c++) {
            s += a[c] * b[c];
        }
        return s;
    }

    private static float[] unit(float[] v) {
        double n = Math.sqrt(dot(v, v));
        for (int i = 0; i < v.length; i++) {
            v[i] = n == 0 ? 0 : (float) (v[i] / n);
        }
        return v;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static ScanMatch.MpkNumbers mpk(MpkWeightFeatures a, MpkWeightFeatures b, MfiSimilarity mfi) {
        double[] s = CompareSignals.mpkSimilarities(a, b);
        return new ScanMatch.MpkNumbers(mfi == null ? 0 : mfi.tier(), mfi == null ? Double.NaN : mfi.score(), s[0], s[1], s[2], s[3], s[4],
                CompareSignals.mpkLabel(mfi, s[4]));
    }

    private static MpkWeightFeatures features(MpkInputs m) {
        double[][] sim = null;
        if (m.easUpper() != null) {
            int k = m.easAnchors();
            double[] upper = FingerprintExtractor.fromHalfFloats(m.easUpper());
            sim = new double[k][k];
            int o = 0;
            for (int i = 0; i < k; i++) {
                sim[i][i] = 1;
                for (int j = i + 1; j < k; j++) {
                    sim[i][j] = upper[o];
                    sim[j][i] = upper[o++];
                }
            }
        }
        return CompareSignals.mpkFeatures(sim, m.endHistogram(), FingerprintExtractor.fromHalfFloats(m.nlfVector()), m.nlfMode(),
                m.nlfCount(), m.lepProfile());
    }

    private static String mpkLine(ScanMatch.MpkNumbers m) {
        return String.format(Locale.ROOT, "MPK (from stored features, no WVC): EAS %s, NLF %s, LEP %s, END %s, identity %s, MFI tier %d -> %s",
                num(m.eas()), num(m.nlf()), num(m.lep()), num(m.end()), num(m.identityScore()), m.mfiTier(), Objects.toString(m.label()));
    }

    private static String num(double x) {
        return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%.3f", x);
    }
}
