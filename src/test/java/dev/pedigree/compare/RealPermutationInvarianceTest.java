package dev.pedigree.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.model.TensorStore;
import dev.pedigree.model.open.FormatWiring;
import dev.pedigree.model.open.Model;
import dev.pedigree.model.open.ModelOpener;
import dev.pedigree.model.source.ModelLocator;
import dev.pedigree.model.source.SourceEnvironment;
import dev.pedigree.signals.GroupResult;
import dev.pedigree.signals.WeightAlignment;
import dev.pedigree.signals.mpk.AnchorTokens;
import dev.pedigree.signals.mpk.MpkWeightFeatures;
import dev.pedigree.signals.mpk.MpkWeightSimilarity;
import dev.pedigree.testing.FunctionPreservingPermutation;
import dev.pedigree.tokenizer.SharedTokens;
import java.io.PrintWriter;
import org.junit.jupiter.api.Test;

/**
 * The real all-MiniLM-L6-v2 against its int8 twin, and against a function-preserving re-ordering of
 * that twin's hidden units, heads and MLP neurons: our signals do not move, MPK's WVC collapses.
 */
class RealPermutationInvarianceTest {
    private static final String PREFIX = "maven:dev.langchain4j:langchain4j-embeddings-";

    @Test
    void permutedTwinGivesTheSameEvidenceWhileMpkWvcDrops() {
        ModelOpener opener = new ModelOpener(new ModelLocator(SourceEnvironment.system(), new PrintWriter(System.err, true)),
                FormatWiring.standard());
        try (Model a = opener.open(PREFIX + "all-minilm-l6-v2:1.0.0-beta1"); Model b = opener.open(PREFIX + "all-minilm-l6-v2-q:1.0.0-beta1");
             TensorStore permuted = FunctionPreservingPermutation.of(b.store(), 384, 12, 2024)) {
            WeightAlignment.Settings s = WeightAlignment.Settings.defaults(199, 3);
            SharedTokens byId = SharedTokens.byId(30522);
            WeightAlignment plain = WeightAlignment.run(a.store(), b.store(), byId, s, m -> { });
            WeightAlignment moved = WeightAlignment.run(a.store(), permuted, byId, s, m -> { });
            assertEquals(plain.embedding().cka(), moved.embedding().cka(), 1e-6);
            assertEquals(plain.embedding().medianCorrelation(), moved.embedding().medianCorrelation(), 1e-6);
            assertEquals(plain.pValue(), moved.pValue(), 1e-6 * plain.pValue());
            assertEquals(18, moved.groups().size());
            for (int i = 0; i < plain.groups().size(); i++) {
                GroupResult x = plain.groups().get(i);
                GroupResult y = moved.groups().get(i);
                assertEquals(x.comparedUnits(), x.matchedUnits(), x.evidence());
                assertEquals(x.matchedUnits(), y.matchedUnits(), y.evidence());
                assertEquals(x.medianCosineIn(), y.medianCosineIn(), 1e-6, y.evidence());
                assertEquals(x.medianCosineOut(), y.medianCosineOut(), 1e-6, y.evidence());
                assertEquals(x.pValue(), y.pValue(), 1e-12, y.evidence());
            }
            int[] anchors = AnchorTokens.select(null, null, 30522);
            MpkWeightFeatures fa = MpkWeightFeatures.extract(a.store(), anchors);
            double wvcTwin = MpkWeightSimilarity.wvc(fa, MpkWeightFeatures.extract(b.store(), anchors));
            double wvcPermuted = MpkWeightSimilarity.wvc(fa, MpkWeightFeatures.extract(permuted, anchors));
            assertTrue(wvcTwin > 0.99, "MPK WVC of the int8 twin " + wvcTwin);
            assertTrue(wvcPermuted < 0.2, "MPK WVC of the same function re-ordered: " + wvcPermuted);
        }
    }
}
