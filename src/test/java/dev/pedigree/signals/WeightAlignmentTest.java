package dev.pedigree.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.model.TensorStore;
import dev.pedigree.signals.mpk.MpkWeightFeatures;
import dev.pedigree.signals.mpk.MpkWeightSimilarity;
import dev.pedigree.bench.SyntheticTransformer;
import dev.pedigree.tokenizer.SharedTokens;
import org.junit.jupiter.api.Test;

class WeightAlignmentTest {
    private static final int VOCAB = 1500;
    private static final WeightAlignment.Settings SETTINGS = WeightAlignment.Settings.defaults(999, 17);

    private static WeightAlignment align(SyntheticTransformer a, SyntheticTransformer b) {
        try (TensorStore sa = a.store(); TensorStore sb = b.store()) {
            return WeightAlignment.run(sa, sb, SharedTokens.byId(VOCAB), SETTINGS, msg -> { });
        }
    }

    private static SyntheticTransformer base(long seed) {
        return SyntheticTransformer.random(VOCAB, 64, 4, 256, 3, seed);
    }

    @Test
    void aNoisyCopyIsRelatedWithEveryUnitMatched() {
        SyntheticTransformer a = base(1);
        WeightAlignment w = align(a, a.noisy(0.3, 2));
        assertEquals(9, w.groups().size(), "3 layers × MLP, q/k, v/o");
        for (GroupResult g : w.groups()) {
            assertEquals(g.comparedUnits(), g.matchedUnits(), g.evidence());
            assertEquals(1.0 / 1000, g.pValue(), 1e-12, g.evidence());
            assertTrue(g.medianCosineOut() > 0.9, g.evidence());
        }
        assertTrue(w.pValue() < 1e-15, "combined p " + w.pValue());
        assertTrue(w.embedding().cka() > 0.9, "cka " + w.embedding().cka());
    }

    @Test
    void independentModelsOfTheSameShapeAreNotRelated() {
        int significant = 0;
        for (long seed = 10; seed < 16; seed++) {
            WeightAlignment w = align(base(seed), base(seed + 100));
            assertEquals(9, w.groups().size());
            significant += w.pValue() < 1e-4 ? 1 : 0;
            for (GroupResult g : w.groups()) {
                assertTrue(g.matchedUnits() <= 6, "chance agreement is about one unit: " + g.evidence());
            }
        }
        assertEquals(0, significant, "independent pairs below the related threshold");
    }

    @Test
    void functionPreservingPermutationChangesNoneOfOurSignalsButBreaksMpkWvc() {
        SyntheticTransformer a = base(3);
        SyntheticTransformer b = a.noisy(0.3, 4);
        SyntheticTransformer permuted = b.permuted(5);
        SyntheticTransformer other = base(6);
        for (SyntheticTransformer[] pair : new SyntheticTransformer[][] {{b, permuted}, {other, other.permuted(7)}}) {
            WeightAlignment plain = align(a, pair[0]);
            WeightAlignment moved = align(a, pair[1]);
            assertEquals(plain.embedding().cka(), moved.embedding().cka(), 1e-6);
            assertEquals(plain.embedding().medianCorrelation(), moved.embedding().medianCorrelation(), 1e-6);
            assertEquals(plain.pValue(), moved.pValue(), 1e-6 * Math.max(plain.pValue(), 1e-300));
            assertEquals(plain.groups().size(), moved.groups().size());
            for (int i = 0; i < plain.groups().size(); i++) {
                GroupResult x = plain.groups().get(i);
                GroupResult y = moved.groups().get(i);
                assertEquals(x.matchedUnits(), y.matchedUnits(), x.evidence());
                assertEquals(x.pValue(), y.pValue(), 1e-12, x.evidence());
                assertEquals(x.medianCosineIn(), y.medianCosineIn(), 1e-6, x.evidence());
                assertEquals(x.medianCosineOut(), y.medianCosineOut(), 1e-6, x.evidence());
            }
        }
        try (TensorStore sa = a.store(); TensorStore sb = b.store(); TensorStore sp = permuted.store()) {
            int[] anchors = java.util.stream.IntStream.range(0, 64).toArray();
            MpkWeightFeatures fa = MpkWeightFeatures.extract(sa, anchors);
            double wvcCopy = MpkWeightSimilarity.wvc(fa, MpkWeightFeatures.extract(sb, anchors));
            double wvcPermuted = MpkWeightSimilarity.wvc(fa, MpkWeightFeatures.extract(sp, anchors));
            assertTrue(wvcCopy > 0.9, "MPK WVC of the noisy copy " + wvcCopy);
            assertTrue(wvcPermuted < 0.2, "MPK WVC of the permuted copy drops to " + wvcPermuted);
        }
    }

    @Test
    void layersArePairedByRelativeDepth() {
        assertEquals("[[0, 0], [1, 2], [2, 4]]", java.util.Arrays.deepToString(WeightAlignment.layerPairs(3, 5)));
        assertEquals("[[0, 0], [6, 1], [11, 2]]", java.util.Arrays.deepToString(WeightAlignment.layerPairs(12, 3)));
        assertEquals("[[0, 0], [1, 1]]", java.util.Arrays.deepToString(WeightAlignment.layerPairs(2, 2)));
    }
}
