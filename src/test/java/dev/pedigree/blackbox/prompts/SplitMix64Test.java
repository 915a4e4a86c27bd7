package dev.pedigree.blackbox.prompts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplitMix64Test {
    @Test
    void matchesTheReferenceSequence() {
        // Python, the published SplitMix64 step: s += 0x9E3779B97F4A7C15; z = s;
        // z = (z ^ z>>30) * 0xBF58476D1CE4E5B9; z = (z ^ z>>27) * 0x94D049BB133111EB; z ^ z>>31  (mod 2^64)
        // seed 1234567 -> 6457827717110365317, 3203168211198807973, 9817491932198370423
        SplitMix64 random = new SplitMix64(1234567);
        assertEquals(Long.parseUnsignedLong("6457827717110365317"), random.nextLong());
        assertEquals(Long.parseUnsignedLong("3203168211198807973"), random.nextLong());
        assertEquals(Long.parseUnsignedLong("9817491932198370423"), random.nextLong());
    }

    @Test
    void agreesWithTheJdkMixingOnRawLongs() {
        // SplittableRandom(seed).nextLong() is the same mix of the same golden-gamma walk
        SplitMix64 ours = new SplitMix64(-77);
        SplittableRandom jdk = new SplittableRandom(-77);
        for (int i = 0; i < 1000; i++) {
            assertEquals(jdk.nextLong(), ours.nextLong());
        }
    }

    @Test
    void boundedDrawsStayInRangeAndCoverIt() {
        SplitMix64 random = new SplitMix64(5);
        int[] seen = new int[7];
        for (int i = 0; i < 7000; i++) {
            seen[random.nextInt(7)]++;
        }
        for (int count : seen) {
            assertTrue(count > 850 && count < 1150, "count " + count); // 1000 ± ~5 sd
        }
        for (int i = 0; i < 1000; i++) {
            int v = random.between(3, 5);
            assertTrue(v >= 3 && v <= 5);
        }
        assertThrows(IllegalArgumentException.class, () -> random.nextInt(0));
    }
}
