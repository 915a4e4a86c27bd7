package dev.pedigree.fingerprint;

import dev.pedigree.model.Role;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.TensorStore;
import dev.pedigree.model.open.Model;
import dev.pedigree.signals.mpk.MpkWeightFeatures;
import dev.pedigree.tokenizer.Vocabulary;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** Reads one opened model into a {@link Fingerprint} (without its entry hash, which the codec adds). */
public final class FingerprintExtractor {
    private static final long ID_SAMPLE_SEED = 0x1d5eedL;
    private final String toolVersion;
    private final Clock clock;

    public FingerprintExtractor(String toolVersion, Clock clock) {
        this.toolVersion = toolVersion;
        this.clock = clock;
    }

    /**
     * @param source the MODEL string it was opened from
     * @param name   display name
     * @param family family label, or null
     */
    public Fingerprint extract(Model m, String source, String name, String family, PrintWriter err) {
        ModelParts parts = new ModelParts(m.store(), CompareSignals.vocabulary(m), m.tokenizer(), CompareSignals.config(m),
                m.digest().sha256(), m.format().name().toLowerCase(java.util.Locale.ROOT));
        return extract(parts, source, name, family, err);
    }

    /** The same from the parts of a model, however they were obtained. */
    public Fingerprint extract(ModelParts m, String source, String name, String family, PrintWriter err) {
        Vocabulary v = m.vocabulary();
        Map<String, Object> mfi = CompareSignals.mfi(m.config(), v);
        TokenizerSummary tok = v == null ? null
                : new TokenizerSummary(CompareSignals.tokenizerHash(v), v.strings().size(), vocabDigest(v), CompareSignals.tfv(v));
        ModelIdentity id = new ModelIdentity(m.digest(), m.digest(), name, source, family, m.format(), ModelIdentity.WEIGHTS,
                ModelIdentity.EXTRACTED);
        return new Fingerprint(Fingerprint.SCHEMA_VERSION, toolVersion, clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(),
                environment(), id, mfi, tok, weights(m, v, err), null);
    }

    static String environment() {
        return "Java " + Runtime.version() + "; " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    private static WeightFeatures weights(ModelParts m, Vocabulary v, PrintWriter err) {
        TensorStore store = m.store();
        Optional<TensorInfo> emb = store.find(Role.EMBEDDING, -1);
        AnchorRows anchors = null;
        double[] normQuantiles = null;
        int hidden = 0;
        long rows = 0;
        float[][] core = new float[CanonicalTokens.CORE][];
        if (emb.isPresent() && emb.get().rank() == 2) {
            TensorInfo e = emb.get();
            hidden = Math.toIntExact(e.rowLength());
            rows = e.rows();
            anchors = anchors(store, e, v);
            for (int r = 0; r < anchors.count(); r++) {
                int k = CanonicalTokens.FIXED.indexOf(anchors.tokens().get(r));
                if (k >= 0 && k < CanonicalTokens.CORE) {
                    core[k] = anchors.row(r);
                }
            }
            normQuantiles = quantiles(rowNorms(store, e));
        }
        List<LayerSketch> sketches = new ArrayList<>();
        int layers = store.layerCount();
        for (TensorInfo t : store.tensors()) {
            Role r = t.role().role();
            if (t.role().layer() >= 0 && t.rank() == 2 && !t.role().bias() && (r.isAttention() || r.isMlp())) {
                sketches.add(layerSketch(store, t, spectrumLayer(t.role().layer(), layers) && t.elementCount() <= MAX_SPECTRUM_ELEMENTS));
            }
        }
        MpkWeightFeatures mpk = CompareSignals.mpkFeatures(store, v, m.tokenizerJson(), err);
        return new WeightFeatures(hidden, layers, rows, WeightSketch.of(core, normQuantiles, sketches, layers), anchors, normQuantiles,
                sketches, mpkInputs(mpk));
    }

    private static AnchorRows anchors(TensorStore store, TensorInfo emb, Vocabulary v) {
        int rows = Math.toIntExact(emb.rows());
        List<String> keys = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        if (v != null) {
            for (CanonicalTokens.Pick p : CanonicalTokens.select(v, rows)) {
                keys.add(p.key());
                ids.add(p.id());
            }
        } else {
            // No vocabulary: rows can only meet another model's by id.
            SplittableRandom rnd = new SplittableRandom(ID_SAMPLE_SEED);
            int n = Math.min(rows, CanonicalTokens.SAMPLED + CanonicalTokens.FIXED.size());
            rnd.ints(0, rows).distinct().limit(n).sorted().forEach(i -> {
                keys.add("id:" + i);
                ids.add(i);
            });
        }
        int d = Math.toIntExact(emb.rowLength());
        float[] data = new float[ids.size() * d];
        for (int i = 0; i < ids.size(); i++) {
            System.arraycopy(store.readRows(emb, ids.get(i), 1), 0, data, i * d, d);
        }
        return AnchorRows.quantise(keys, d, data);
    }

    private static double[] rowNorms(TensorStore store, TensorInfo t) {
        int rows = Math.toIntExact(t.rows());
        int d = Math.toIntExact(t.rowLength());
        double[] norms = new double[rows];
        int block = Math.max(1, (1 << 20) / Math.max(1, d));
        for (int first = 0; first < rows; first += block) {
            int n = Math.min(block, rows - first);
            float[] x = store.readRows(t, first, n);
            for (int r = 0; r < n; r++) {
                double s = 0;
                for (int c = 0; c < d; c++) {
                    s += (double) x[r * d + c] * x[r * d + c];
                }
                norms[first + r] = Math.sqrt(s);
            }
        }
        return norms;
    }

    /** Linear-interpolated quantiles (numpy's default) at {@link WeightSketch#QUANTILES}. */
    static double[] quantiles(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        double[] out = new double[WeightSketch.QUANTILES.length];
        for (int i = 0; i < out.length; i++) {
            double pos = WeightSketch.QUANTILES[i] * (s.length - 1);
            int lo = (int) Math.floor(pos);
            int hi = Math.min(s.length - 1, lo + 1);
            out[i] = s[lo] + (pos - lo) * (s[hi] - s[lo]);
        }
        return out;
    }

    /**
     * Spectra cost far more than the other statistics, so only the first layer of each depth quarter
     * gets them (the sketch averages spectra per quarter anyway), and only matrices up to this size.
     */
    static final long MAX_SPECTRUM_ELEMENTS = 32L << 20;

    static boolean spectrumLayer(int layer, int layers) {
        for (int slot = 0; slot < WeightSketch.DEPTH_SLOTS; slot++) {
            if (layer == slot * layers / WeightSketch.DEPTH_SLOTS) {
                return true;
            }
        }
        return false;
    }

    static LayerSketch layerSketch(TensorStore store, TensorInfo t, boolean spectrum) {
        int rows = Math.toIntExact(t.rows());
        int cols = Math.toIntExact(t.rowLength());
        float[] w = store.read(t);
        double[] norms = new double[rows];
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int c = 0; c < cols; c++) {
                double x = w[r * cols + c];
                s += x * x;
                sum += x;
            }
            norms[r] = Math.sqrt(s);
        }
        double n = (double) rows * cols;
        double mean = sum / n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (float f : w) {
            double d = f - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        m2 /= n;
        m3 /= n;
        m4 /= n;
        double skew = m2 > 0 ? m3 / Math.pow(m2, 1.5) : 0;
        double kurt = m2 > 0 ? m4 / (m2 * m2) - 3 : 0;
        float[] moments = {(float) mean, (float) Math.sqrt(m2), (float) skew, (float) kurt};
        return new LayerSketch(t.role().layer(), t.role().role().label(), rows, cols, floats(quantiles(norms)),
                spectrum ? floats(TopSingularValues.of(w, rows, cols, WeightSketch.SPECTRUM)) : new float[0], moments);
    }

    static float[] floats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static MpkInputs mpkInputs(MpkWeightFeatures f) {
        double[] upper = null;
        int k = 0;
        if (f.easSelfSim() != null) {
            k = f.easSelfSim().length;
            upper = new double[k * (k - 1) / 2];
            int o = 0;
            for (int i = 0; i < k; i++) {
                for (int j = i + 1; j < k; j++) {
                    upper[o++] = f.easSelfSim()[i][j];
                }
            }
        }
        return new MpkInputs(k, halfFloats(upper), f.endHistogram(), f.nlfMode(), f.nlfCount(), halfFloats(f.nlfVector()), f.lepProfile());
    }

    static byte[] halfFloats(double[] v) {
        if (v == null) {
            return null;
        }
        ByteBuffer b = ByteBuffer.allocate(2 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            b.putShort(Float.floatToFloat16((float) x));
        }
        return b.array();
    }

    static double[] fromHalfFloats(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[bytes.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.float16ToFloat(b.getShort());
        }
        return out;
    }

    /** SHA-256 of the normalised token texts in id order, one per line (unused ids as empty lines). */
    static String vocabDigest(Vocabulary v) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (int id = 0; id < v.size(); id++) {
                String t = CompareSignals.tokenText(v, id);
                md.update((t == null ? "" : t).getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
