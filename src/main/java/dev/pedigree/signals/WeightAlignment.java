package dev.pedigree.signals;

import dev.pedigree.model.Role;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.TensorStore;
import dev.pedigree.tokenizer.SharedTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Our weight evidence for one pair of models: the embedding geometry on shared tokens fixes a
 * matching of hidden units; then, layer by layer (paired by relative depth when depths differ), each
 * {@link UnitGroup} is matched twice from disjoint weights in A's hidden frame and tested with
 * {@link MatchAgreementTest}; the per-group p-values are combined with Fisher's method. Every step is
 * invariant to permutations of hidden units, neurons and heads applied to either model.
 *
 * @param pValue Fisher combination of the group p-values, NaN when nothing could be tested
 * @param notes  what could not be aligned, and why
 */
public record WeightAlignment(EmbeddingGeometry embedding, List<GroupResult> groups, double pValue, List<String> notes, ReadSummary reads) {

    /**
     * @param permutations simulated relabellings per group test
     * @param maxTokens    shared tokens sampled for the embedding geometry
     * @param maxUnits     units per group beyond which a seeded sample of each side is matched (when reads are not limited)
     * @param readBudget   how much of each model may be read; see {@link ReadPlan}
     */
    public record Settings(int permutations, long seed, int maxTokens, int maxUnits, ReadBudget readBudget) {
        public static Settings defaults(int permutations, long seed) {
            return new Settings(permutations, seed, 2048, 4096, ReadBudget.AUTO);
        }

        public Settings withReadBudget(ReadBudget budget) {
            return new Settings(permutations, seed, maxTokens, maxUnits, budget);
        }
    }

    /**
     * What was read: the layers compared of each model and the stored bytes our signals read against
     * the model's tensor bytes (the kernel reads whole pages, so the bytes it fetches are a little more;
     * MPK's anchor rows and norm vectors, read beside, are not counted).
     *
     * @param layersA layers of A compared, ascending (B's partners in {@code layersB}, same order)
     * @param sampled whether one side of each pair read a sample of units (a limited plan)
     */
    public record ReadSummary(String budget, int[] layersA, int[] layersB, int layerCountA, int layerCountB, long bytesReadA,
            long totalBytesA, long bytesReadB, long totalBytesB, boolean sampled) {
    }

    /** Runs with the key/value head counts unknown: grouped-query attention layers are then left out. */
    public static WeightAlignment run(TensorStore a, TensorStore b, SharedTokens shared, Settings s, Consumer<String> progress) {
        return run(a, 0, b, 0, shared, s, progress);
    }

    /**
     * @param kvHeadsA key/value heads of A as declared (num_key_value_heads, GGUF head_count_kv), 0 when not declared;
     *                 needed only for grouped-query attention, whose layers are otherwise left out with a note
     */
    public static WeightAlignment run(TensorStore storeA, int kvHeadsA, TensorStore storeB, int kvHeadsB, SharedTokens shared, Settings s,
            Consumer<String> progress) {
        CountedReads a = new CountedReads(storeA);
        CountedReads b = new CountedReads(storeB);
        Side sa = new Side(a, kvHeadsA);
        Side sb = new Side(b, kvHeadsB);
        List<String> notes = new ArrayList<>();
        Optional<TensorInfo> embA = storeA.find(Role.EMBEDDING, -1);
        Optional<TensorInfo> embB = storeB.find(Role.EMBEDDING, -1);
        int la = storeA.layerCount();
        int lb = storeB.layerCount();
        if (embA.isEmpty() || embB.isEmpty()) {
            notes.add("no input embedding in " + (embA.isEmpty() ? "A" : "B") + ": hidden units cannot be aligned");
            return new WeightAlignment(null, List.of(), Double.NaN, notes, summary(s, a, b, new int[0][], la, lb, false));
        }
        if (shared == null || shared.count() < 2 * Math.max(embA.get().rowLength(), 32)) {
            notes.add("only " + (shared == null ? 0 : shared.count()) + " shared tokens: too few to align "
                    + embA.get().rowLength() + " hidden units; the black-box MPS test can still compare behaviour");
            return new WeightAlignment(null, List.of(), Double.NaN, notes, summary(s, a, b, new int[0][], la, lb, false));
        }
        progress.accept("aligning hidden units on " + Math.min(s.maxTokens(), shared.count()) + " of " + shared.count() + " shared tokens");
        EmbeddingGeometry geometry = EmbeddingGeometry.of(a, embA.get(), b, embB.get(), shared, s.maxTokens(), s.seed());
        int[] frameA = new int[geometry.matchedHiddenUnits()];
        int[] frameB = new int[frameA.length];
        for (int i = 0, k = 0; i < geometry.hiddenMap().length; i++) {
            if (geometry.hiddenMap()[i] >= 0) {
                frameA[k] = i;
                frameB[k++] = geometry.hiddenMap()[i];
            }
        }
        if (embA.get().rowLength() != embB.get().rowLength()) {
            notes.add("hidden widths differ (" + embA.get().rowLength() + " vs " + embB.get().rowLength() + "): compared on the "
                    + frameA.length + " matched hidden units");
        }
        if (la != lb) {
            notes.add("depths differ (" + la + " vs " + lb + "): layers paired by relative depth");
        }
        int[][] pairs = layerPairs(la, lb);
        ReadPlan plan = plan(sa, sb, pairs, frameA, frameB, s);
        if (plan.limited()) {
            notes.add(planNote(plan, pairs, la, s));
        }
        int[][] compared = new int[plan.pairs().length][];
        List<List<GroupResult>> perPair = IntStream.range(0, plan.pairs().length).parallel().mapToObj(k -> {
            int p = plan.pairs()[k];
            int[] pair = pairs[p];
            int[] candidates = la == lb ? new int[] {pair[1]} : deeperCandidates(la < lb ? pair[1] : pair[0], Math.max(la, lb));
            if (candidates.length > 1) {
                pair = bestDeeperLayer(sa, sb, pair, la < lb, candidates, frameA, frameB, s, p, plan.limited() ? plan.sampleA()[k] : null);
            }
            compared[k] = pair;
            progress.accept("matching layer " + pair[0] + (la != lb ? "↔" + pair[1] : "") + " of " + la);
            List<GroupResult> out = new ArrayList<>();
            for (UnitGroup g : UnitGroup.values()) {
                GroupResult r = group(sa, sb, pair, g, frameA, frameB, s, p, plan.limited() ? plan.sampleA()[k] : null);
                if (r != null) {
                    out.add(r.bonferroni(candidates.length));
                }
            }
            return out;
        }).toList();
        List<GroupResult> groups = new ArrayList<>();
        perPair.forEach(groups::addAll);
        if (la != lb) {
            notes.add("each layer of the shallower model was paired with the best-fitting of up to 3 deeper layers around its "
                    + "relative depth (by median cosine of matched MLP input weights); its p-values are multiplied by the number of "
                    + "candidates (Bonferroni)");
        }
        attentionNotes(sa, sb, compared, notes);
        if (groups.isEmpty()) {
            notes.add("no layer had matching unit groups in both models");
        }
        double[] ps = groups.stream().mapToDouble(GroupResult::pValue).toArray();
        return new WeightAlignment(geometry, groups, FisherCombination.combine(ps), notes, summary(s, a, b, compared, la, lb, plan.limited()));
    }

    /** One model as the alignment reads it. */
    private record Side(CountedReads reads, int kvHeads) {
        GroupWeights.Layout layout(int layer, UnitGroup g, List<Role> in, int[] frame) {
            return GroupWeights.layout(reads.store(), layer, g, in, frame, kvHeads);
        }
    }

    private static ReadSummary summary(Settings s, CountedReads a, CountedReads b, int[][] compared, int la, int lb, boolean sampled) {
        int[] layersA = new int[compared.length];
        int[] layersB = new int[compared.length];
        for (int i = 0; i < compared.length; i++) {
            layersA[i] = compared[i][0];
            layersB[i] = compared[i][1];
        }
        return new ReadSummary(s.readBudget().label(), layersA, layersB, la, lb, a.bytesRead(), a.totalBytes(), b.bytesRead(), b.totalBytes(),
                sampled);
    }

    private static ReadPlan plan(Side a, Side b, int[][] pairs, int[] frameA, int[] frameB, Settings s) {
        long limitA = s.readBudget().limitFor(a.reads().totalBytes());
        long limitB = s.readBudget().limitFor(b.reads().totalBytes());
        if (limitA == Long.MAX_VALUE && limitB == Long.MAX_VALUE) {
            return ReadPlan.unlimited(pairs.length);
        }
        List<ReadPlan.PairCost> costs = new ArrayList<>();
        for (int p = 0; p < pairs.length; p++) {
            long[] c = new long[4];
            for (UnitGroup g : UnitGroup.values()) {
                List<Role> in = commonInRoles(a.reads().store(), b.reads().store(), pairs[p], g);
                GroupWeights.Layout ga = a.layout(pairs[p][0], g, in, frameA);
                GroupWeights.Layout gb = b.layout(pairs[p][1], g, in, frameB);
                if (ga == null || gb == null) {
                    continue;
                }
                long seed = groupSeed(s, p, g);
                c[0] += ga.bytes(a.reads(), selection(ga.units(), frameA.length, seed, false));
                c[1] += ga.bytes(a.reads(), selection(ga.units(), frameA.length, seed, true));
                c[2] += gb.bytes(b.reads(), selection(gb.units(), frameB.length, seed, false));
                c[3] += gb.bytes(b.reads(), selection(gb.units(), frameB.length, seed, true));
            }
            // Depths differ: the choice among up to 3 deeper layers reads each candidate of the deeper model
            // and the shallower layer once more before the test; counted as whole pair reads (an upper bound).
            int la = a.reads().store().layerCount();
            int lb = b.reads().store().layerCount();
            int candidates = la == lb ? 0 : deeperCandidates(la < lb ? pairs[p][1] : pairs[p][0], Math.max(la, lb)).length;
            int fa = 1 + (la == lb ? 0 : la > lb ? candidates : 1);
            int fb = 1 + (la == lb ? 0 : lb > la ? candidates : 1);
            costs.add(new ReadPlan.PairCost(fa * c[0], fa * c[1], fb * c[2], fb * c[3]));
        }
        return ReadPlan.limited(costs, limitA, limitB, a.reads().bytesRead(), b.reads().bytesRead());
    }

    private static String planNote(ReadPlan plan, int[][] pairs, int la, Settings s) {
        StringBuilder layers = new StringBuilder();
        for (int p : plan.pairs()) {
            layers.append(layers.isEmpty() ? "" : ", ").append(pairs[p][0]);
        }
        String note = String.format(java.util.Locale.ROOT,
                "read budget %s: %d of %d layers of A compared (%s), chosen evenly by relative depth; per layer one side matched a "
                        + "seeded sample of %d units per group against every unit of the other (alternating), out-weights on %d hidden "
                        + "positions; MPK's LEP, END and WVC need every byte and were not computed (--read-budget all reads everything)",
                s.readBudget().label(), plan.pairs().length, la, layers, ReadPlan.SAMPLED_UNITS, ReadPlan.OUT_POSITIONS);
        return plan.fits() ? note : note + "; even two layers exceed the budget, so it was overrun";
    }

    /** Attention layers with grouped-query heads that could not be laid out because the head count is unknown. */
    private static void attentionNotes(Side a, Side b, int[][] compared, List<String> notes) {
        for (int[] pair : compared) {
            for (Side side : List.of(a, b)) {
                int layer = side == a ? pair[0] : pair[1];
                TensorStore st = side.reads().store();
                Optional<TensorInfo> q = st.find(Role.Q, layer);
                Optional<TensorInfo> k = st.find(Role.K, layer);
                if (q.isPresent() && k.isPresent() && q.get().rows() != k.get().rows() && side.kvHeads() <= 0) {
                    notes.add("grouped-query attention in " + (side == a ? "A" : "B") + " (q has " + q.get().rows() + " rows, k "
                            + k.get().rows() + ") without a declared key/value head count: attention groups not tested");
                    return;
                }
            }
        }
    }

    private static long groupSeed(Settings s, int index, UnitGroup g) {
        return s.seed() + 1_000_003L * (3L * index + g.ordinal() + 1);
    }

    /** A limited plan's selection for one side of one group: a unit sample when {@code sampled}, and the kept out positions. */
    private static GroupWeights.Selection selection(int units, int frameLength, long seed, boolean sampled) {
        int[] keep = sampled && units > ReadPlan.SAMPLED_UNITS ? EmbeddingGeometry.sample(units, ReadPlan.SAMPLED_UNITS, seed + 7) : null;
        int[] positions = frameLength > ReadPlan.OUT_POSITIONS ? EmbeddingGeometry.sample(frameLength, ReadPlan.OUT_POSITIONS, seed + 11) : null;
        return new GroupWeights.Selection(keep, positions);
    }

    /**
     * @param sampleA under a limited plan whether A (true) or B (false) reads a sample of units; null when reads are not limited
     */
    private static GroupResult group(Side a, Side b, int[] pair, UnitGroup g, int[] frameA, int[] frameB, Settings s, int index,
            Boolean sampleA) {
        long seed = groupSeed(s, index, g);
        List<Role> in = commonInRoles(a.reads().store(), b.reads().store(), pair, g);
        GroupWeights.Layout la = a.layout(pair[0], g, in, frameA);
        GroupWeights.Layout lb = b.layout(pair[1], g, in, frameB);
        if (la == null || lb == null) {
            return null;
        }
        GroupWeights.Selection selA;
        GroupWeights.Selection selB;
        if (sampleA == null) {
            selA = capped(la.units(), s.maxUnits(), seed);
            selB = capped(lb.units(), s.maxUnits(), ~seed);
        } else {
            selA = selection(la.units(), frameA.length, seed, sampleA);
            selB = selection(lb.units(), frameB.length, seed, !sampleA);
        }
        GroupWeights wa = GroupWeights.read(a.reads(), la, frameA, selA);
        GroupWeights wb = GroupWeights.read(b.reads(), lb, frameB, selB);
        if (wa.inWidth() != wb.inWidth() || wa.outWidth() != wb.outWidth()) {
            return null;
        }
        return test(g, pair[0], pair[1], wa, wb, s.permutations(), seed);
    }

    /** Without a read limit: every unit, or a seeded sample of {@code maxUnits} of a larger group. */
    private static GroupWeights.Selection capped(int units, int maxUnits, long seed) {
        return new GroupWeights.Selection(units > maxUnits ? EmbeddingGeometry.sample(units, maxUnits, seed) : null, null);
    }

    private static List<Role> commonInRoles(TensorStore a, TensorStore b, int[] pair, UnitGroup g) {
        List<Role> out = new ArrayList<>();
        for (Role r : g.in) {
            if (a.find(r, pair[0]).isPresent() && b.find(r, pair[1]).isPresent()) {
                out.add(r);
            }
        }
        return out;
    }

    /** Deeper-model layers within one of the relative-depth position. */
    static int[] deeperCandidates(int deep, int deepCount) {
        int from = Math.max(0, deep - 1);
        int to = Math.min(deepCount - 1, deep + 1);
        int[] out = new int[to - from + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }

    /**
     * The candidate pairing whose MLP (else attention q/k) in-weights fit best: a choice made on fit,
     * not on the test. Under a limited plan the fit reads as the test does (one side a sample of units).
     */
    private static int[] bestDeeperLayer(Side a, Side b, int[] pair, boolean bDeeper, int[] candidates, int[] frameA, int[] frameB,
            Settings s, int index, Boolean sampleA) {
        int[] best = pair;
        double bestFit = Double.NEGATIVE_INFINITY;
        for (UnitGroup g : List.of(UnitGroup.MLP, UnitGroup.QK)) {
            GroupWeights fixed = null;
            List<Role> fixedIn = null;
            for (int c : candidates) {
                int[] candidate = bDeeper ? new int[] {pair[0], c} : new int[] {c, pair[1]};
                List<Role> in = commonInRoles(a.reads().store(), b.reads().store(), candidate, g);
                GroupWeights.Layout la = a.layout(candidate[0], g, in, frameA);
                GroupWeights.Layout lb = b.layout(candidate[1], g, in, frameB);
                if (la == null || lb == null) {
                    continue;
                }
                // The shallower model's layer is the same for every candidate: read once per group.
                boolean reuse = fixed != null && in.equals(fixedIn);
                GroupWeights wa = bDeeper && reuse ? fixed : GroupWeights.read(a.reads(), la, frameA, fitSelection(la, frameA, s, index, g, sampleA, true));
                GroupWeights wb = !bDeeper && reuse ? fixed : GroupWeights.read(b.reads(), lb, frameB, fitSelection(lb, frameB, s, index, g, sampleA, false));
                fixed = bDeeper ? wa : wb;
                fixedIn = in;
                if (wa.inWidth() != wb.inWidth()) {
                    continue;
                }
                float[] sim = RowSimilarity.cosine(wa.in(), wa.units(), wb.in(), wb.units(), wa.inWidth());
                double fit = Statistics.median(UnitMatching.matchedValues(sim, wb.units(), UnitMatching.match(sim, wa.units(), wb.units())));
                if (fit > bestFit) {
                    bestFit = fit;
                    best = candidate;
                }
            }
            if (bestFit > Double.NEGATIVE_INFINITY) {
                return best;
            }
        }
        return best;
    }

    /** What the choice among deeper layers reads of one side: as before without a limit; under one, as the test does, in-weights only. */
    private static GroupWeights.Selection fitSelection(GroupWeights.Layout l, int[] frame, Settings s, int index, UnitGroup g, Boolean sampleA,
            boolean sideA) {
        if (sampleA == null) {
            return capped(l.units(), s.maxUnits(), sideA ? s.seed() + index : ~(s.seed() + index));
        }
        return new GroupWeights.Selection(selection(l.units(), frame.length, groupSeed(s, index, g), sideA == sampleA).units(), new int[0]);
    }

    private static GroupResult test(UnitGroup g, int layerA, int layerB, GroupWeights wa, GroupWeights wb, int permutations, long seed) {
        float[] simIn = RowSimilarity.cosine(wa.in(), wa.units(), wb.in(), wb.units(), wa.inWidth());
        int[] matchIn = UnitMatching.match(simIn, wa.units(), wb.units());
        float[] simOut = RowSimilarity.cosine(wa.out(), wa.units(), wb.out(), wb.units(), wa.outWidth());
        int[] matchOut = UnitMatching.match(simOut, wa.units(), wb.units());
        MatchAgreementTest.Result r = MatchAgreementTest.test(matchIn, matchOut, wb.units(), permutations, seed);
        double[] heldOut = new double[r.compared()];
        int k = 0;
        for (int i = 0; i < matchIn.length; i++) {
            if (matchIn[i] >= 0 && matchOut[i] >= 0) {
                heldOut[k++] = simOut[i * wb.units() + matchIn[i]];
            }
        }
        return new GroupResult(g, layerA, layerB, wa.totalUnits(), wb.totalUnits(), r.agreement(), r.compared(),
                Statistics.median(UnitMatching.matchedValues(simIn, wb.units(), matchIn)), Statistics.median(heldOut), r.pValue(),
                permutations);
    }

    /** Layer pairs: one per layer of the shallower model, at the same relative depth in the deeper one. */
    static int[][] layerPairs(int la, int lb) {
        int n = Math.min(la, lb);
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            int deep = n == 1 ? 0 : (int) Math.round((double) i * (Math.max(la, lb) - 1) / (n - 1));
            out[i] = la <= lb ? new int[] {i, deep} : new int[] {deep, i};
        }
        return out;
    }
}
