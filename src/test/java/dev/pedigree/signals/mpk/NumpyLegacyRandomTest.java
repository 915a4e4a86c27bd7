package dev.pedigree.signals.mpk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NumpyLegacyRandomTest {
    @Test
    void firstOutputsMatchNumpyBytes() {
        // python -c "import numpy as np; print(np.random.RandomState(42).bytes(8).hex())"  (numpy 2.4.6)
        // -> 66dce15fb33deacb : two little-endian uint32 outputs
        NumpyLegacyRandom r = new NumpyLegacyRandom(42);
        assertEquals(0x5fe1dc66L, r.nextUint32());
        assertEquals(0xcbea3db3L, r.nextUint32());
    }

    @Test
    void permutationMatchesNumpy() {
        // np.random.RandomState(42).permutation(10).tolist()
        assertArrayEquals(new int[] {8, 1, 5, 0, 7, 2, 9, 4, 3, 6}, new NumpyLegacyRandom(42).permutation(10));
    }

    @Test
    void choiceWithoutReplacementMatchesNumpy() {
        // np.random.RandomState(42).choice(list(range(50000)), size=10, replace=False).tolist()
        int[] pool = IntStream.range(0, 50000).toArray();
        assertArrayEquals(new int[] {33553, 9427, 199, 12447, 39489, 42724, 10822, 49498, 4144, 36958},
                new NumpyLegacyRandom(42).choiceWithoutReplacement(pool, 10));
        // np.random.RandomState(7).choice(list(range(3)), size=3, replace=False).tolist()
        assertArrayEquals(new int[] {2, 1, 0}, new NumpyLegacyRandom(7).choiceWithoutReplacement(new int[] {0, 1, 2}, 3));
    }

    @Test
    void choiceFromPoolWithHolesMatchesNumpy() {
        // MPK's back-fill shape: the pool skips ids already taken by fixed anchors.
        // r=np.random.RandomState(42); r.choice([i for i in range(30522) if i not in (5,7,100)], size=48, replace=False)
        int[] pool = IntStream.range(0, 30522).filter(i -> i != 5 && i != 7 && i != 100).toArray();
        int[] expected = {17765, 5110, 9353, 19777, 13129, 10362, 1995, 21614, 13436, 5559, 19331, 6782, 27772, 12672,
            25764, 3163, 26286, 13739, 14725, 27867, 6422, 14015, 17397, 8631, 26629, 25755, 3099, 7490, 28140, 21415,
            30214, 26775, 12000, 16513, 5503, 8156, 26958, 27442, 21039, 2243, 2144, 28875, 16889, 6924, 12163, 2574,
            29217, 10390};
        assertArrayEquals(expected, new NumpyLegacyRandom(42).choiceWithoutReplacement(pool, 48));
    }
}
