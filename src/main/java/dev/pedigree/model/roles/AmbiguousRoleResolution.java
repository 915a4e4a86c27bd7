package dev.pedigree.model.roles;

import dev.pedigree.model.Role;
import dev.pedigree.model.RoleAssignment;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.TensorRole;
import dev.pedigree.model.TensorStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tells apart, against a second model, the roles structure inference left tentative (two square
 * attention matrices that may be q and o or o and q), and checks those that names or the file order
 * decided: every assignment of the group's roles is tried and the one whose tensors look most like
 * the other model's tensors of those roles, layer by layer, is kept (for decided roles, only when
 * the decided assignment fits clearly worse) (judged on up to four layers spread over the depth, since the names and so the assignment
 * are the same in every layer). Tensors are compared by the sorted profiles of their row and column norms (values, for
 * vectors): statistics that do not change when hidden units, neurons or heads are permuted, so the
 * choice depends on nothing a permutation test relabels and the test's p-value stays exact.
 */
public final class AmbiguousRoleResolution {
    private static final int QUANTILES = 32;
    /** Layers compared per group: the names, hence the assignment, are the same in every layer, so a few spread over the depth suffice. */
    private static final int SAMPLED_LAYERS = 4;
    /**
     * Roles decided by names or file order give way only when they fit this many times worse than the
     * best assignment: a renamer may have swapped the names, but between unrelated models the
     * profiles of shape twins (gate and up) can differ by less.
     */
    private static final double OVERRULE = 4;

    /** The subject's store with its tentative roles settled, and one line per group saying how. */
    public record Resolution(TensorStore store, List<String> lines) {
    }

    private AmbiguousRoleResolution() {
    }

    /**
     * @param subject   a store whose role assignment lists ambiguous groups
     * @param reference the model to match them against
     * @param label     how the evidence names the subject ({@code B})
     */
    public static Resolution resolve(TensorStore subject, TensorStore reference, String label) {
        RoleAssignment assignment = subject.roleAssignment();
        Map<String, TensorRole> relabelled = new HashMap<>();
        List<String> lines = new ArrayList<>();
        Map<String, float[]> cache = new HashMap<>();
        int subjectLayers = subject.layerCount();
        int referenceLayers = reference.layerCount();
        Set<Integer> sampled = sampledLayers(subjectLayers);
        for (RoleAssignment.Ambiguity a : assignment.ambiguous()) {
            int k = a.roles().size();
            int[] best = null;
            double bestCost = Double.POSITIVE_INFINITY;
            double nextCost = Double.POSITIVE_INFINITY;
            double namedCost = Double.NaN;
            for (int[] perm : permutations(k)) {
                double cost = cost(subject, reference, a, perm, sampled, subjectLayers, referenceLayers, cache);
                if (Double.isNaN(namedCost)) {
                    namedCost = cost;
                }
                if (cost < bestCost) {
                    nextCost = bestCost;
                    bestCost = cost;
                    best = perm;
                } else if (cost < nextCost) {
                    nextCost = cost;
                }
            }
            if (a.decided() && (best == null || !(namedCost > OVERRULE * bestCost))) {
                continue;
            }
            if (best == null) {
                lines.add("roles of " + label + ", " + a.what() + ": could not be told apart (the other model lacks these roles); kept tentative");
                continue;
            }
            StringBuilder line = new StringBuilder("roles of " + label + ", " + a.what() + (a.decided()
                    ? ": the weights overrule the names or file order (row/column norm profiles against the other model): "
                    : ": told apart against the other model by row/column norm profiles: "));
            for (int i = 0; i < k; i++) {
                Role role = a.roles().get(best[i]);
                for (String name : a.tensors().get(i)) {
                    TensorRole old = subject.byName(name).orElseThrow().role();
                    TensorRole now = old.layer() < 0 ? TensorRole.global(role) : TensorRole.layer(role, old.layer());
                    relabelled.put(name, old.bias() ? now.asBias() : now);
                }
                line.append(i == 0 ? "" : ", ").append(moduleOf(a.tensors().get(i).getFirst())).append(" = ").append(role.label());
            }
            line.append(a.decided() ? String.format(Locale.ROOT, " (profile distance %.3g; as named %.3g)", bestCost, namedCost)
                    : String.format(Locale.ROOT, " (profile distance %.3g; the next best assignment %.3g)", bestCost, nextCost));
            lines.add(line.toString());
        }
        if (relabelled.isEmpty()) {
            return new Resolution(subject, lines);
        }
        RoleAssignment settled = new RoleAssignment(assignment.method(), assignment.modelType(), assignment.noTable(), assignment.confidence(),
                concat(assignment.basis(), lines), assignment.ambiguous(), assignment.reason());
        return new Resolution(subject.withRoles(relabelled, settled), lines);
    }

    /** Sum over the group's weights of the profile distance to the reference's tensor of the role they would get; +inf when one is missing. */
    private static double cost(TensorStore subject, TensorStore reference, RoleAssignment.Ambiguity a, int[] perm, Set<Integer> sampled,
            int subjectLayers, int referenceLayers, Map<String, float[]> cache) {
        double total = 0;
        for (int i = 0; i < perm.length; i++) {
            Role role = a.roles().get(perm[i]);
            for (String name : a.tensors().get(i)) {
                TensorInfo t = subject.byName(name).orElseThrow();
                if (t.role().bias() || (t.role().layer() >= 0 && !sampled.contains(t.role().layer()))) {
                    continue;
                }
                int layer = t.role().layer() < 0 ? -1 : referenceLayer(t.role().layer(), subjectLayers, referenceLayers);
                Optional<TensorInfo> other = reference.find(role, layer);
                if (other.isEmpty()) {
                    return Double.POSITIVE_INFINITY;
                }
                float[] ps = cache.computeIfAbsent("s:" + name, k -> profile(subject, t));
                float[] pr = cache.computeIfAbsent("r:" + other.get().name(), k -> profile(reference, other.get()));
                total += distance(ps, pr);
            }
        }
        return total;
    }

    /** Up to {@link #SAMPLED_LAYERS} layers spread evenly from the first to the last. */
    static Set<Integer> sampledLayers(int layers) {
        Set<Integer> out = new TreeSet<>();
        int n = Math.min(SAMPLED_LAYERS, layers);
        for (int i = 0; i < n; i++) {
            out.add(n == 1 ? 0 : (int) Math.round((double) i * (layers - 1) / (n - 1)));
        }
        return out;
    }

    private static int referenceLayer(int layer, int subjectLayers, int referenceLayers) {
        if (subjectLayers <= 1 || subjectLayers == referenceLayers) {
            return Math.min(layer, referenceLayers - 1);
        }
        return (int) Math.round((double) layer * (referenceLayers - 1) / (subjectLayers - 1));
    }

    /** Quantiles of the row norms then of the column norms (a matrix), or of the values (a vector). */
    static float[] profile(TensorStore store, TensorInfo t) {
        float[] w = store.read(t);
        if (t.rank() < 2) {
            return quantiles(w.clone());
        }
        int rows = Math.toIntExact(t.rows());
        int cols = Math.toIntExact(t.rowLength());
        float[] rowNorms = new float[rows];
        double[] colSquares = new double[cols];
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int c = 0; c < cols; c++) {
                double v = w[r * cols + c];
                s += v * v;
                colSquares[c] += v * v;
            }
            rowNorms[r] = (float) Math.sqrt(s);
        }
        float[] colNorms = new float[cols];
        for (int c = 0; c < cols; c++) {
            colNorms[c] = (float) Math.sqrt(colSquares[c]);
        }
        float[] a = quantiles(rowNorms);
        float[] b = quantiles(colNorms);
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static float[] quantiles(float[] values) {
        Arrays.sort(values);
        float[] q = new float[QUANTILES];
        for (int i = 0; i < QUANTILES; i++) {
            double pos = (double) i * (values.length - 1) / (QUANTILES - 1);
            int lo = (int) Math.floor(pos);
            int hi = Math.min(values.length - 1, lo + 1);
            q[i] = (float) (values[lo] + (pos - lo) * (values[hi] - values[lo]));
        }
        return q;
    }

    /** Squared difference relative to the profiles' size: 0 for equal profiles, at most 2. */
    static double distance(float[] a, float[] b) {
        double diff = 0;
        double size = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - b[i]) * (double) (a[i] - b[i]);
            size += a[i] * (double) a[i] + b[i] * (double) b[i];
        }
        return size == 0 ? 0 : diff / size;
    }

    /** A weight's module ({@code mix.a} of {@code mix.a.weight}); a slice of a fused tensor keeps its full name. */
    private static String moduleOf(String name) {
        if (name.endsWith("]")) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** All orderings of 0..k-1 (k is at most 4 here), the identity first. */
    static List<int[]> permutations(int k) {
        List<int[]> out = new ArrayList<>();
        permute(new int[k], new boolean[k], 0, out);
        return out;
    }

    private static void permute(int[] current, boolean[] used, int at, List<int[]> out) {
        if (at == current.length) {
            out.add(current.clone());
            return;
        }
        for (int i = 0; i < current.length; i++) {
            if (!used[i]) {
                used[i] = true;
                current[at] = i;
                permute(current, used, at + 1, out);
                used[i] = false;
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
