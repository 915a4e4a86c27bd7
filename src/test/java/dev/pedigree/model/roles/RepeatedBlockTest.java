package dev.pedigree.model.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RepeatedBlockTest {
    @Test
    void theNumberedPathHoldingTheMostTensorsIsTheBlock() {
        List<String> names = List.of("vision.layers.0.w.weight", "vision.layers.1.w.weight",
                "text.h.0.a.weight", "text.h.0.b.weight", "text.h.1.a.weight", "text.h.1.b.weight", "text.h.2.a.weight", "text.h.2.b.weight",
                "text.emb.weight");
        RepeatedBlock b = RepeatedBlock.find(names);
        assertEquals("text.h.", b.path());
        assertEquals(3, b.layers());
        assertEquals(Set.of("a.weight", "b.weight"), b.suffixes());
        assertEquals(new RepeatedBlock.Position(2, "b.weight"), b.position("text.h.2.b.weight"));
        assertNull(b.position("vision.layers.0.w.weight"));
        assertNull(b.position("text.emb.weight"));
    }

    @Test
    void numbersMustRunFromZeroWithoutGaps() {
        InferenceRefused e = assertThrows(InferenceRefused.class,
                () -> RepeatedBlock.find(List.of("h.0.a.weight", "h.2.a.weight", "h.3.a.weight")));
        assertEquals("the block numbers under 'h.N' do not run 0..2 ([0, 2, 3])", e.getMessage());
    }

    @Test
    void zeroPaddedNumbersAndASingleLayerAreNoBlock() {
        assertThrows(InferenceRefused.class, () -> RepeatedBlock.find(List.of("h.00.a.weight", "h.01.a.weight")));
        assertThrows(InferenceRefused.class, () -> RepeatedBlock.find(List.of("h.0.a.weight", "h.0.b.weight", "emb.weight")));
    }
}
