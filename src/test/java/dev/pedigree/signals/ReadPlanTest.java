package dev.pedigree.signals;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.bench.SyntheticLlama;
import dev.pedigree.compare.Calibration;
import dev.pedigree.compare.Verdict;
import dev.pedigree.error.BadInputException;
import dev.pedigree.model.TensorStore;
import dev.pedigree.tokenizer.SharedTokens;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ReadPlanTest {
    /** 12 layers, MLP 1024 wide: large enough that a sample of 512 units reads half of the sampled side. */
    private static final SyntheticLlama SHAPE = new SyntheticLlama(4096, 128, 4, 2, 1024, 12);

    @Test
    void layersAreTakenEvenlyByRelativeDepthWithFirstAndLast() {
        assertArrayEquals(new int[] {0, 7, 14, 21}, ReadPlan.evenly(22, 4));
        assertArrayEquals(new int[] {0, 21}, ReadPlan.evenly(22, 2));
        assertArrayEquals(new int[] {0, 1, 2}, ReadPlan.evenly(3, 3));
        assertArrayEquals(new int[] {0}, ReadPlan.evenly(5, 1));
    }

    @Test
    void theLimitedPlanTakesAsManyPairsAsFitAndAlternatesTheSampledSide() {
        List<ReadPlan.PairCost> costs = java.util.Collections.nCopies(10, new ReadPlan.PairCost(100, 40, 100, 40));
        ReadPlan p = ReadPlan.limited(costs, 300, 1000, 20, 0);
        // 4 pairs cost A 40+100+40+100 = 280, plus 20 already read = 300.
        assertArrayEquals(new int[] {0, 3, 6, 9}, p.pairs());
        assertArrayEquals(new boolean[] {true, false, true, false}, p.sampleA());
        assertEquals(280, p.plannedA());
        assertTrue(p.fits());
        ReadPlan tight = ReadPlan.limited(costs, 10, 10, 0, 0);
        assertEquals(2, tight.pairs().length, "never fewer than two pairs");
        assertFalse(tight.fits());
    }

    @Test
    void budgetsParseAndOnlyAutoSparesSmallModels() {
        assertEquals(Long.MAX_VALUE, ReadBudget.ALL.limitFor(10L << 30));
        assertEquals(Long.MAX_VALUE, ReadBudget.AUTO.limitFor(133_000_000L), "the 133 MB encoders are read whole");
        assertEquals(220_000_000L, ReadBudget.AUTO.limitFor(2_200_000_000L));
        assertEquals(ReadBudget.ALL, ReadBudget.parse("all"));
        assertEquals(ReadBudget.AUTO, ReadBudget.parse("AUTO"));
        assertEquals(0.25, ReadBudget.parse("25%").share(), 1e-12);
        assertEquals(50, ReadBudget.parse("0.25").limitFor(200));
        assertThrows(BadInputException.class, () -> ReadBudget.parse("0"));
        assertThrows(BadInputException.class, () -> ReadBudget.parse("lots"));
    }

    private static WeightAlignment align(Function<SyntheticLlama.Tensor, float[]> a, Function<SyntheticLlama.Tensor, float[]> b, ReadBudget budget) {
        WeightAlignment.Settings s = WeightAlignment.Settings.defaults(999, 3).withReadBudget(budget);
        try (TensorStore sa = SHAPE.store(a); TensorStore sb = SHAPE.store(b)) {
            return WeightAlignment.run(sa, SHAPE.kvHeads, sb, SHAPE.kvHeads, SharedTokens.byId(SHAPE.vocab), s, m -> { });
        }
    }

    @Test
    void aLayerDroppedCopyStaysWithinTheBudgetWhenDeeperCandidatesAreSearched() {
        // B keeps every other layer of a noisy copy of A (6 of 12), renumbered 0..5.
        dev.pedigree.bench.InMemoryModel dropped = new dev.pedigree.bench.InMemoryModel();
        for (SyntheticLlama.Tensor t : SHAPE.tensors()) {
            int layer = t.role().layer();
            if (layer >= 0 && layer % 2 == 1) {
                continue;
            }
            dev.pedigree.model.TensorRole role = layer < 0 ? t.role() : dev.pedigree.model.TensorRole.layer(t.role().role(), layer / 2);
            dropped.add(t.name().replace("layers." + layer + ".", "layers." + layer / 2 + "."), role,
                    SyntheticLlama.noisy(SHAPE.values(t, 1), 0.2, t.name().hashCode()), t.shape());
        }
        ReadBudget budget = ReadBudget.parse("40%");
        WeightAlignment w;
        try (TensorStore a = SHAPE.store(t -> SHAPE.values(t, 1)); TensorStore b = dropped.store()) {
            w = WeightAlignment.run(a, SHAPE.kvHeads, b, SHAPE.kvHeads, SharedTokens.byId(SHAPE.vocab),
                    WeightAlignment.Settings.defaults(999, 3).withReadBudget(budget), m -> { });
        }
        WeightAlignment.ReadSummary r = w.reads();
        assertTrue(r.sampled() && r.layersB().length < 6, java.util.Arrays.toString(r.layersB()));
        assertTrue(r.bytesReadA() <= budget.limitFor(r.totalBytesA()), r.bytesReadA() + " of " + r.totalBytesA() + " " + w.notes());
        assertTrue(r.bytesReadB() <= budget.limitFor(r.totalBytesB()), r.bytesReadB() + " of " + r.totalBytesB());
        assertEquals(Verdict.RELATED, Calibration.load().verdict(w), w.groups().toString());
        for (int i = 0; i < r.layersB().length; i++) {
            assertEquals(2 * r.layersB()[i], r.layersA()[i], "the best-fitting deeper layer is the one B kept");
        }
    }

    @Test
    void aLimitedPlanReadsWithinItsBudgetAndKeepsTheVerdict() {
        SyntheticLlama.Permutation p = SHAPE.permutation(9);
        Function<SyntheticLlama.Tensor, float[]> a = t -> SHAPE.values(t, 1);
        Function<SyntheticLlama.Tensor, float[]> related = t -> SyntheticLlama.noisy(p.apply(t, SHAPE.values(t, 1)), 0.3, t.name().hashCode());
        Function<SyntheticLlama.Tensor, float[]> other = t -> SHAPE.values(t, 2);
        ReadBudget budget = ReadBudget.parse("25%");
        WeightAlignment w = align(a, related, budget);
        WeightAlignment.ReadSummary r = w.reads();
        assertTrue(r.sampled());
        assertTrue(r.layersA().length >= 2 && r.layersA().length < SHAPE.layers, java.util.Arrays.toString(r.layersA()));
        assertEquals(0, r.layersA()[0]);
        assertEquals(SHAPE.layers - 1, r.layersA()[r.layersA().length - 1]);
        assertTrue(r.bytesReadA() <= budget.limitFor(r.totalBytesA()), r.bytesReadA() + " of " + r.totalBytesA());
        assertTrue(r.bytesReadB() <= budget.limitFor(r.totalBytesB()), r.bytesReadB() + " of " + r.totalBytesB());
        assertTrue(w.notes().stream().anyMatch(n -> n.startsWith("read budget 25%")), w.notes().toString());
        assertEquals(Verdict.RELATED, Calibration.load().verdict(w), w.groups().toString());
        for (GroupResult g : w.groups()) {
            assertEquals(g.group() == UnitGroup.MLP ? ReadPlan.SAMPLED_UNITS : SHAPE.kvHeads * SHAPE.headDim(), g.comparedUnits(), g.evidence());
            assertEquals(g.comparedUnits(), g.matchedUnits(), g.evidence());
        }
        assertEquals(Verdict.UNRELATED, Calibration.load().verdict(align(a, other, budget)));

        WeightAlignment all = align(a, related, ReadBudget.ALL);
        assertFalse(all.reads().sampled());
        assertEquals(SHAPE.layers, all.reads().layersA().length);
        assertTrue(all.reads().bytesReadA() > 4 * r.bytesReadA(), all.reads().bytesReadA() + " vs " + r.bytesReadA());
    }
}
