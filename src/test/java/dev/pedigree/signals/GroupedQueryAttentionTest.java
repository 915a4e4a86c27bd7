package dev.pedigree.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.bench.SyntheticLlama;
import dev.pedigree.compare.Calibration;
import dev.pedigree.compare.Verdict;
import dev.pedigree.model.TensorStore;
import dev.pedigree.tokenizer.SharedTokens;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Llama-shaped models with grouped-query attention (8 query heads sharing 2 key/value heads): the
 * attention groups are tested on key/value dimensions, and a function-preserving re-ordering of
 * key/value groups, query heads inside them, value dimensions and MLP neurons changes none of our
 * numbers.
 */
class GroupedQueryAttentionTest {
    private static final SyntheticLlama SHAPE = new SyntheticLlama(1500, 64, 8, 2, 256, 3);
    private static final WeightAlignment.Settings SETTINGS = WeightAlignment.Settings.defaults(999, 17);

    private static WeightAlignment align(Function<SyntheticLlama.Tensor, float[]> a, Function<SyntheticLlama.Tensor, float[]> b, int kvHeads) {
        try (TensorStore sa = SHAPE.store(a); TensorStore sb = SHAPE.store(b)) {
            return WeightAlignment.run(sa, kvHeads, sb, kvHeads, SharedTokens.byId(SHAPE.vocab), SETTINGS, m -> { });
        }
    }

    private static Function<SyntheticLlama.Tensor, float[]> model(long seed) {
        return t -> SHAPE.values(t, seed);
    }

    private static Function<SyntheticLlama.Tensor, float[]> fineTuned(long seed) {
        return t -> SyntheticLlama.noisy(SHAPE.values(t, seed), 0.3, seed + t.name().hashCode());
    }

    @Test
    void thePermutationIsFunctionPreservingForGroupedQueryAttention() {
        // Check the algebra the permutation relies on, on one layer: per query head h, q_h·k_{g(h)} and
        // the o-projected value path are the same function before and after.
        SyntheticLlama.Permutation p = SHAPE.permutation(5);
        int hd = SHAPE.headDim();
        int group = SHAPE.heads / SHAPE.kvHeads;
        for (int h = 0; h < SHAPE.heads; h++) {
            int g = h / group;
            int oldHead = p.q()[0][h * hd] / hd;
            assertEquals(p.kv()[0][g * hd] / hd, oldHead / group, "query head " + h + " keeps its key/value head");
            for (int d = 0; d < hd; d++) {
                assertEquals(oldHead * hd + d, p.q()[0][h * hd + d], "q/k dimensions stay in place (rotary)");
                int oldV = p.v()[0][g * hd + d];
                assertEquals(oldHead * hd + oldV % hd, p.o()[0][h * hd + d], "o columns follow their value dimension");
            }
        }
    }

    @Test
    void attentionGroupsAreTestedOnKeyValueDimensions() {
        WeightAlignment w = align(model(1), fineTuned(1), SHAPE.kvHeads);
        assertEquals(9, w.groups().size(), "3 layers × MLP, q/k, v/o: " + w.notes());
        for (GroupResult g : w.groups()) {
            int units = g.group() == UnitGroup.MLP ? SHAPE.ffn : SHAPE.kvHeads * SHAPE.headDim();
            assertEquals(units, g.unitsA(), g.evidence());
            assertEquals(g.comparedUnits(), g.matchedUnits(), g.evidence());
            assertEquals(1.0 / 1000, g.pValue(), 1e-12, g.evidence());
            assertTrue(g.medianCosineOut() > 0.9, g.evidence());
        }
        assertEquals(Verdict.RELATED, Calibration.load().verdict(w));
    }

    @Test
    void withoutAKeyValueHeadCountTheAttentionGroupsAreLeftOutAndSaySo() {
        WeightAlignment w = align(model(1), fineTuned(1), 0);
        assertEquals(3, w.groups().size(), "MLP only");
        assertTrue(w.groups().stream().allMatch(g -> g.group() == UnitGroup.MLP));
        assertTrue(w.notes().stream().anyMatch(n -> n.contains("grouped-query attention in A")), w.notes().toString());
    }

    @Test
    void aFunctionPreservingPermutationChangesNoneOfOurSignals() {
        for (long base : new long[] {3, 6}) {
            SyntheticLlama.Permutation p = SHAPE.permutation(base + 10);
            Function<SyntheticLlama.Tensor, float[]> b = base == 3 ? fineTuned(3) : model(base);
            Function<SyntheticLlama.Tensor, float[]> moved = t -> p.apply(t, b.apply(t));
            WeightAlignment plain = align(model(3), b, SHAPE.kvHeads);
            WeightAlignment permuted = align(model(3), moved, SHAPE.kvHeads);
            assertEquals(plain.embedding().cka(), permuted.embedding().cka(), 1e-6);
            assertEquals(plain.embedding().medianCorrelation(), permuted.embedding().medianCorrelation(), 1e-6);
            assertEquals(plain.pValue(), permuted.pValue(), 1e-6 * Math.max(plain.pValue(), 1e-300));
            assertEquals(9, permuted.groups().size());
            for (int i = 0; i < plain.groups().size(); i++) {
                GroupResult x = plain.groups().get(i);
                GroupResult y = permuted.groups().get(i);
                assertEquals(x.group(), y.group());
                assertEquals(x.matchedUnits(), y.matchedUnits(), x.evidence());
                assertEquals(x.pValue(), y.pValue(), 1e-12, x.evidence());
                assertEquals(x.medianCosineIn(), y.medianCosineIn(), 1e-6, x.evidence());
                assertEquals(x.medianCosineOut(), y.medianCosineOut(), 1e-6, x.evidence());
            }
            Verdict expected = base == 3 ? Verdict.RELATED : Verdict.UNRELATED;
            assertEquals(expected, Calibration.load().verdict(permuted), permuted.groups().toString());
        }
    }

    @Test
    void independentGqaModelsAreNotRelated() {
        for (long seed = 20; seed < 24; seed++) {
            WeightAlignment w = align(model(seed), model(seed + 100), SHAPE.kvHeads);
            assertEquals(9, w.groups().size());
            assertNotEquals(Verdict.RELATED, Calibration.load().verdict(w), w.groups().toString());
            for (GroupResult g : w.groups()) {
                assertTrue(g.matchedUnits() <= 6, "chance agreement is about one unit: " + g.evidence());
            }
        }
    }

    @Test
    void theTestedGroupsCoverEveryRole() {
        WeightAlignment w = align(model(1), fineTuned(1), SHAPE.kvHeads);
        assertEquals(List.of(UnitGroup.MLP, UnitGroup.QK, UnitGroup.VO), w.groups().stream().map(GroupResult::group).distinct().toList());
    }
}
