package dev.pedigree.blackbox.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pedigree.blackbox.TopTokens;
import org.junit.jupiter.api.Test;

class TopTokenSelectorTest {
    @Test
    void keepsTheLikeliestWithLogSoftmaxValues() {
        float[] logits = {9, 0.5f, 3, 1, 3, -2, 7};
        TopTokens top = TopTokenSelector.select(logits, 1, 6, 3);
        // ties (3 at ids 1 and 3 of the offset row) go to the lower id
        assertArrayEquals(new int[] {5, 1, 3}, top.ids());
        double z = 0;
        for (int v = 1; v < 7; v++) {
            z += Math.exp(logits[v]);
        }
        assertEquals(7 - Math.log(z), top.logprobs()[0], 1e-6);
        assertEquals(3 - Math.log(z), top.logprobs()[1], 1e-6);
        assertEquals(1 - (Math.exp(7) + 2 * Math.exp(3)) / z, top.restMass(), 1e-6);
        assertEquals(5, TopTokenSelector.argmax(logits, 1, 6));
    }

    @Test
    void headLargerThanVocabularyKeepsEverything() {
        TopTokens top = TopTokenSelector.select(new float[] {0, 0, 0}, 0, 3, 10);
        assertArrayEquals(new int[] {0, 1, 2}, top.ids());
        assertEquals(0, top.restMass(), 1e-6);
    }
}
