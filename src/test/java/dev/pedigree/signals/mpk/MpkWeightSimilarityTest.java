package dev.pedigree.signals.mpk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.model.Role;
import dev.pedigree.model.TensorRole;
import dev.pedigree.model.TensorStore;
import dev.pedigree.bench.InMemoryModel;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Expected values computed with numpy the way MPK's weight_signals.py computes them:
 * {@code python3 experiments/compare/make_weight_signals_reference.py > src/test/resources/signals/mpk/weight-signals.json}.
 */
class MpkWeightSimilarityTest {
    private static JsonNode ref;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = MpkWeightSimilarityTest.class.getResourceAsStream("/signals/mpk/weight-signals.json")) {
            ref = new ObjectMapper().readTree(in);
        }
    }

    private static float[] floats(JsonNode n) {
        int size = 0;
        for (JsonNode x : n) {
            size += x.isArray() ? x.size() : 1;
        }
        float[] out = new float[size];
        int i = 0;
        for (JsonNode x : n) {
            if (x.isArray()) {
                for (JsonNode y : x) {
                    out[i++] = (float) y.asDouble();
                }
            } else {
                out[i++] = (float) x.asDouble();
            }
        }
        return out;
    }

    private static double[] doubles(JsonNode n) {
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).asDouble();
        }
        return out;
    }

    private static MpkWeightFeatures only(double[][] eas, double[] end, double[] nlf, String mode, int count, double[] lep,
            Map<Integer, double[]> wvc) {
        return new MpkWeightFeatures(eas, end, nlf, mode, count, lep, wvc);
    }

    @Test
    void easCorrelatesTheAnchorCosineMatrices() {
        int[] anchors = IntStream.range(0, 16).toArray();
        MpkWeightFeatures fa;
        MpkWeightFeatures fb;
        try (TensorStore a = new InMemoryModel().add("emb", TensorRole.global(Role.EMBEDDING), floats(ref.at("/eas/a")), 16, 6).store();
             TensorStore b = new InMemoryModel().add("emb", TensorRole.global(Role.EMBEDDING), floats(ref.at("/eas/b")), 16, 6).store()) {
            fa = MpkWeightFeatures.extract(a, anchors);
            fb = MpkWeightFeatures.extract(b, anchors);
        }
        assertEquals(ref.at("/eas/expected").asDouble(), MpkWeightSimilarity.eas(fa, fb), 1e-12);
        assertEquals(1.0, MpkWeightSimilarity.eas(fa, fa), 1e-12);
        assertEquals(MpkWeightSimilarity.eas(fa, fb), MpkWeightSimilarity.eas(fb, fa), 1e-12);
    }

    @Test
    void easNeedsSixteenAnchors() {
        try (TensorStore a = new InMemoryModel().add("emb", TensorRole.global(Role.EMBEDDING), floats(ref.at("/eas/a")), 16, 6).store()) {
            MpkWeightFeatures f = MpkWeightFeatures.extract(a, IntStream.range(0, 15).toArray());
            assertTrue(Double.isNaN(MpkWeightSimilarity.eas(f, f)));
            assertTrue(Double.isNaN(MpkWeightSimilarity.end(f, f)), "MPK drops END with EAS");
        }
    }

    @Test
    void endHistogramMatchesNumpyAndCosineMatches() {
        double[] ha = MpkWeightFeatures.normHistogram(floats(ref.at("/end/a")));
        assertArrayEquals(doubles(ref.at("/end/hist_a")), ha, 1e-6);
        double[] hb = MpkWeightFeatures.normHistogram(floats(ref.at("/end/b")));
        assertEquals(ref.at("/end/expected").asDouble(), MpkWeightSimilarity.end(only(null, ha, null, null, 0, null, null),
                only(null, hb, null, null, 0, null, null)), 1e-12);
    }

    @Test
    void lepResamplesToTheShorterDepth() {
        assertEquals(ref.at("/lep/expected").asDouble(), MpkWeightSimilarity.lep(only(null, null, null, null, 0, doubles(ref.at("/lep/a")), null),
                only(null, null, null, null, 0, doubles(ref.at("/lep/b")), null)), 1e-12);
        assertArrayEquals(new double[] {0.1, 0.7333333333333333, 0.8666666666666669, 0.3},
                MpkWeightSimilarity.resample(doubles(ref.at("/lep/b")), 4), 1e-12);
    }

    @Test
    void nlfFallsBackToChunkStatisticsWhenLengthsDiffer() {
        double[] va = doubles(ref.at("/nlf/a"));
        double[] vb = doubles(ref.at("/nlf/b"));
        assertEquals(ref.at("/nlf/expected").asDouble(), MpkWeightSimilarity.nlf(only(null, null, va, "direct", 2, null, null),
                only(null, null, vb, "direct", 3, null, null)), 1e-12);
        assertEquals(1.0, MpkWeightSimilarity.nlf(only(null, null, va, "direct", 2, null, null), only(null, null, va, "direct", 2, null, null)));
    }

    @Test
    void wvcAveragesClampedLayerCosinesOverCommonLayers() {
        Map<Integer, double[]> a = new TreeMap<>();
        Map<Integer, double[]> b = new TreeMap<>();
        ref.at("/wvc/a").fields().forEachRemaining(e -> a.put(Integer.parseInt(e.getKey()), doubles(e.getValue())));
        ref.at("/wvc/b").fields().forEachRemaining(e -> b.put(Integer.parseInt(e.getKey()), doubles(e.getValue())));
        assertEquals(ref.at("/wvc/expected").asDouble(), MpkWeightSimilarity.wvc(only(null, null, null, null, 0, null, a),
                only(null, null, null, null, 0, null, b)), 1e-12);
    }

    @Test
    void wvcSampleTakesEveryFloorStrideElementUpTo4096() {
        float[] values = new float[10007];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        float[] s = MpkWeightFeatures.strided(values);
        assertEquals(4096, s.length);
        assertEquals(2 * 4095, s[4095], "stride 10007 // 4096 = 2");
        assertEquals(100, MpkWeightFeatures.strided(new float[100]).length);
    }

    @Test
    void identityScoreRenormalisesOverAvailableSignalsAndLabels() {
        // 0.36*0.9 + 0.16*0.5 + 0.19*0.8 over 0.71 = 0.556 / 0.71
        assertEquals(Math.round(0.556 / 0.71 * 1e4) / 1e4, IdentityScore.of(0.9, Double.NaN, 0.5, 0.8, Double.NaN), 1e-12);
        assertEquals("Confirmed Match", IdentityScore.label(new MfiSimilarity(2, 0.9), 0.1));
        assertEquals("High-Confidence Match", IdentityScore.label(new MfiSimilarity(3, 0.5), 0.7501));
        assertEquals("Weak Match", IdentityScore.label(new MfiSimilarity(3, 0.5), 0.75));
        assertEquals("Not Matched", IdentityScore.label(new MfiSimilarity(3, 0.5), 0.65));
        assertEquals("Not Matched (metadata only)", IdentityScore.label(new MfiSimilarity(3, 0.5), Double.NaN));
    }
}
