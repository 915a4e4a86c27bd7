package dev.pedigree.blackbox.distance;

import dev.pedigree.blackbox.TopTokens;
import java.util.HashMap;
import java.util.Map;

/**
 * Jensen–Shannon divergence in bits (0 … 1) between two next-token distributions known by their heads
 * ({@link TopTokens}). Tokens listed by either side are compared one by one; a token one side did not
 * list gets that side's unlisted mass spread evenly over its unlisted tokens (the one assumption made:
 * exact when the head is the whole vocabulary), and the mass left over is compared as one "other"
 * bucket.
 */
final class JensenShannon {
    private JensenShannon() {
    }

    static double divergence(TopTokens p, TopTokens q) {
        int vocabulary = Math.max(p.vocabularySize(), q.vocabularySize());
        Map<Integer, double[]> union = new HashMap<>();
        for (int i = 0; i < p.ids().length; i++) {
            union.computeIfAbsent(p.ids()[i], id -> new double[] {-1, -1})[0] = Math.exp(p.logprobs()[i]);
        }
        for (int i = 0; i < q.ids().length; i++) {
            union.computeIfAbsent(q.ids()[i], id -> new double[] {-1, -1})[1] = Math.exp(q.logprobs()[i]);
        }
        double pRest = p.restMass();
        double qRest = q.restMass();
        double pEach = vocabulary > p.ids().length ? pRest / (vocabulary - p.ids().length) : 0;
        double qEach = vocabulary > q.ids().length ? qRest / (vocabulary - q.ids().length) : 0;
        double pOther = pRest;
        double qOther = qRest;
        double sum = 0;
        for (double[] pq : union.values()) {
            double a = pq[0];
            double b = pq[1];
            if (a < 0) {
                a = pEach;
                pOther -= a;
            }
            if (b < 0) {
                b = qEach;
                qOther -= b;
            }
            sum += term(a, b);
        }
        sum += term(Math.max(0, pOther), Math.max(0, qOther));
        return Math.min(1, Math.max(0, sum));
    }

    /** a·log2(a/m)/2 + b·log2(b/m)/2 with m = (a+b)/2, 0·log 0 = 0. */
    private static double term(double a, double b) {
        double m = (a + b) / 2;
        double t = 0;
        if (a > 0) {
            t += a * Math.log(a / m);
        }
        if (b > 0) {
            t += b * Math.log(b / m);
        }
        return t / (2 * Math.log(2));
    }
}
