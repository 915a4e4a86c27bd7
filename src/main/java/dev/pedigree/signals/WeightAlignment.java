package dev.pedigree.signals;

import dev.pedigree.model.Role;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.TensorStore;
import dev.pedigree.tokenizer.SharedTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

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
public record WeightAlignment(EmbeddingGeometry embedding, List<GroupResult> groups, double pValue, List<String> notes) {

    /**
     * @param permutations simulated relabellings per group test
     * @param maxTokens    shared tokens sampled for the embedding geometry
     * @param maxUnits     units per group beyond which a seeded sample of each side is matched
     */
    public record Settings(int permutations, long seed, int maxTokens, int maxUnits) {
        public static Settings defaults(int permutations, long seed) {
            return new Settings(permutations, seed, 2048, 4096);
        }
    }

    public static WeightAlignment run(TensorStore a, TensorStore b, SharedTokens shared, Settings s, Consumer<String> progress) {
        List<String> notes = new ArrayList<>();
        Optional<TensorInfo> embA = a.find(Role.EMBEDDING, -1);
        Optional<TensorInfo> embB = b.find(Role.EMBEDDING, -1);
        if (embA.isEmpty() || embB.isEmpty()) {
            notes.add("no input embedding in " + (embA.isEmpty() ? "A" : "B") + ": hidden units cannot be aligned");
            return new WeightAlignment(null, List.of(), Double.NaN, notes);
        }
        if (shared == null || shared.count() < 2 * Math.max(embA.get().rowLength(), 32)) {
            notes.add("only " + (shared == null ? 0 : shared.count()) + " shared tokens: too few to align "
                    + embA.get().rowLength() + " hidden units; the black-box MPS test can still compare behaviour");
            return new WeightAlignment(null, List.of(), Double.NaN, notes);
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
        int la = a.layerCount();
        int lb = b.layerCount();
        if (la != lb) {
            notes.add("depths differ (" + la + " vs " + lb + "): layers paired by relative depth");
        }
        List<GroupResult> groups = new ArrayList<>();
        int[][] pairs = layerPairs(la, lb);
        for (int p = 0; p < pairs.length; p++) {
            int[] pair = pairs[p];
            int[] candidates = la == lb ? new int[] {pair[1]} : deeperCandidates(la < lb ? pair[1] : pair[0], Math.max(la, lb));
            if (candidates.length > 1) {
                pair = bestDeeperLayer(a, b, pair, la < lb, candidates, frameA, frameB, s, p);
            }
            progress.accept("matching layer " + pair[0] + (la != lb ? "↔" + pair[1] : "") + " of " + la);
            for (UnitGroup g : UnitGroup.values()) {
                GroupResult r = group(a, b, pair, g, frameA, frameB, s, p);
                if (r != null) {
                    groups.add(r.bonferroni(candidates.length));
                }
            }
        }
        if (la != lb) {
            notes.add("each layer of the shallower model was paired with the best-fitting of up to 3 deeper layers around its "
                    + "relative depth (by median cosine of matched MLP input weights); its p-values are multiplied by the number of "
                    + "candidates (Bonferroni)");
        }
        if (groups.isEmpty()) {
            notes.add("no layer had matching unit groups in both models");
        }
        double[] ps = groups.stream().mapToDouble(GroupResult::pValue).toArray();
        return new WeightAlignment(geometry, groups, FisherCombination.combine(ps), notes);
    }

    private static GroupResult group(TensorStore a, TensorStore b, int[] pair, UnitGroup g, int[] frameA, int[] frameB, Settings s, int index) {
        long seed = s.seed() + 1_000_003L * (3L * index + g.ordinal() + 1);
        List<Role> in = commonInRoles(a, b, pair, g);
        GroupWeights wa = GroupWeights.read(a, pair[0], g, in, frameA, s.maxUnits(), seed);
        GroupWeights wb = GroupWeights.read(b, pair[1], g, in, frameB, s.maxUnits(), ~seed);
        if (wa == null || wb == null || wa.inWidth() != wb.inWidth()) {
            return null;
        }
        return test(g, pair[0], pair[1], wa, wb, s.permutations(), seed);
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

    /** The candidate pairing whose MLP (else attention q/k) in-weights fit best: a choice made on fit, not on the test. */
    private static int[] bestDeeperLayer(TensorStore a, TensorStore b, int[] pair, boolean bDeeper, int[] candidates, int[] frameA, int[] frameB,
            Settings s, int index) {
        int[] best = pair;
        double bestFit = Double.NEGATIVE_INFINITY;
        for (UnitGroup g : List.of(UnitGroup.MLP, UnitGroup.QK)) {
            for (int c : candidates) {
                int[] candidate = bDeeper ? new int[] {pair[0], c} : new int[] {c, pair[1]};
                List<Role> in = commonInRoles(a, b, candidate, g);
                GroupWeights wa = GroupWeights.read(a, candidate[0], g, in, frameA, s.maxUnits(), s.seed() + index);
                GroupWeights wb = GroupWeights.read(b, candidate[1], g, in, frameB, s.maxUnits(), ~(s.seed() + index));
                if (wa == null || wb == null || wa.inWidth() != wb.inWidth()) {
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
