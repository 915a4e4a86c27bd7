package dev.pedigree.signals;

import java.util.ArrayList;
import java.util.List;

/**
 * Which layer pairs a comparison reads and how. Without a limit every pair is read whole, as small
 * models always were. Under a byte limit the plan takes as many pairs as fit, spread evenly over the
 * relative depth (first and last always among them), and reads each pair sparingly: one side reads a
 * seeded sample of {@link #SAMPLED_UNITS} units per group (their rows only), the other side reads
 * every unit so that each sampled unit's partner is among them, and both keep only
 * {@link #OUT_POSITIONS} hidden positions of the out-weights, so that transposed out-weights (down, o)
 * are read for those hidden rows alone. Which side samples alternates from pair to pair, so the two
 * models pay alike. The test stays exact: a sample changes how many units are compared, not the null.
 *
 * @param pairs    indices into the layer pairs, ascending
 * @param sampleA  per planned pair, whether A is the sampled side (else B); null when nothing is sampled
 * @param limitA   bytes A may read, {@link Long#MAX_VALUE} for no limit
 * @param plannedA bytes the plan expects to read from A's layers (the embedding rows not included)
 * @param fits     whether the planned reads fit both limits (a plan never goes below two pairs)
 */
public record ReadPlan(int[] pairs, boolean[] sampleA, long limitA, long limitB, long plannedA, long plannedB, boolean fits) {
    /** Units per group on the sampled side: the agreement of a few hundred units already gives p = 1/(N+1) in related models. */
    public static final int SAMPLED_UNITS = 512;
    /** Hidden positions kept in the out-weights: cosines over 512 dimensions still separate partners from strangers. */
    public static final int OUT_POSITIONS = 512;

    /** Bytes one pair costs a side when it reads every unit and when it reads a sample. */
    record PairCost(long fullA, long sampledA, long fullB, long sampledB) {
    }

    public boolean limited() {
        return sampleA != null;
    }

    static ReadPlan unlimited(int pairCount) {
        int[] all = new int[pairCount];
        for (int i = 0; i < pairCount; i++) {
            all[i] = i;
        }
        return new ReadPlan(all, null, Long.MAX_VALUE, Long.MAX_VALUE, -1, -1, true);
    }

    /**
     * @param costs  per layer pair, what it costs each side
     * @param usedA  bytes A has read already (the embedding rows), counted against its limit
     */
    static ReadPlan limited(List<PairCost> costs, long limitA, long limitB, long usedA, long usedB) {
        int n = costs.size();
        ReadPlan smallest = null;
        for (int count = n; count >= Math.min(2, n); count--) {
            int[] pairs = evenly(n, count);
            boolean[] sampleA = new boolean[count];
            long a = 0;
            long b = 0;
            for (int k = 0; k < count; k++) {
                sampleA[k] = k % 2 == 0;
                PairCost c = costs.get(pairs[k]);
                a += sampleA[k] ? c.sampledA() : c.fullA();
                b += sampleA[k] ? c.fullB() : c.sampledB();
            }
            boolean fits = usedA + a <= limitA && usedB + b <= limitB;
            smallest = new ReadPlan(pairs, sampleA, limitA, limitB, a, b, fits);
            if (fits) {
                return smallest;
            }
        }
        return smallest == null ? new ReadPlan(new int[0], new boolean[0], limitA, limitB, 0, 0, true) : smallest;
    }

    /** {@code count} of {@code 0..n-1} evenly by relative position, first and last included. */
    static int[] evenly(int n, int count) {
        if (count == 1) {
            return new int[] {0};
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int p = (int) Math.round((double) i * (n - 1) / (count - 1));
            if (out.isEmpty() || out.get(out.size() - 1) != p) {
                out.add(p);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
