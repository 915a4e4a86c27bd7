package dev.pedigree.blackbox.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pedigree.blackbox.TopTokens;
import org.junit.jupiter.api.Test;

class JensenShannonTest {
    private static TopTokens head(int vocabulary, int[] ids, double... probabilities) {
        float[] logprobs = new float[probabilities.length];
        for (int i = 0; i < logprobs.length; i++) {
            logprobs[i] = (float) Math.log(probabilities[i]);
        }
        return new TopTokens(ids, logprobs, vocabulary);
    }

    @Test
    void wholeVocabularyIsExact() {
        // scipy: jensenshannon([0.5,0.3,0.2,0,0],[0.1,0.2,0.3,0.4,0.0], base=2)**2
        TopTokens p = head(5, new int[] {0, 1, 2}, 0.5, 0.3, 0.2);
        TopTokens q = head(5, new int[] {3, 2, 1, 0}, 0.4, 0.3, 0.2, 0.1);
        assertEquals(0.31951797627815937, JensenShannon.divergence(p, q), 1e-6);
        assertEquals(JensenShannon.divergence(q, p), JensenShannon.divergence(p, q), 1e-15);
        assertEquals(0, JensenShannon.divergence(p, p), 1e-12);
    }

    @Test
    void unlistedTokensShareTheRestEvenly() {
        // p = [.4 .3 .1 .1 .05 .05] with head {0,1}; q = [.1 .4 .2 .1 .1 .1] with head {1,2}; V = 6.
        // Token 2 gets p's rest 0.3/4, token 0 gets q's rest 0.4/4; the remainders form one bucket:
        // scipy: jensenshannon([0.4,0.3,0.075,0.225],[0.1,0.4,0.2,0.3], base=2)**2
        TopTokens p = head(6, new int[] {0, 1}, 0.4, 0.3);
        TopTokens q = head(6, new int[] {1, 2}, 0.4, 0.2);
        assertEquals(0.09982998917159537, JensenShannon.divergence(p, q), 1e-6);
    }

    @Test
    void disjointCertaintiesAreOneBit() {
        TopTokens p = head(100, new int[] {7}, 1.0);
        TopTokens q = head(100, new int[] {9}, 1.0);
        assertEquals(1, JensenShannon.divergence(p, q), 1e-9);
    }
}
