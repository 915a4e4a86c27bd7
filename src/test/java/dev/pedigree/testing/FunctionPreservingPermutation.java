package dev.pedigree.testing;

import dev.pedigree.bench.InMemoryModel;
import dev.pedigree.bench.RandomPermutations;
import dev.pedigree.model.Role;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.TensorRole;
import dev.pedigree.model.TensorStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * An in-memory copy of any multi-head-attention model (q, k, v with as many rows as o has columns)
 * with its hidden units, attention heads (q/k and v/o sharing the head order, with separate orders
 * inside each head) and MLP neurons re-ordered: the same function, different tensors. Every tensor
 * is copied; those whose roles carry no such axis are copied unchanged.
 */
public final class FunctionPreservingPermutation {
    private FunctionPreservingPermutation() {
    }

    public static TensorStore of(TensorStore store, int hidden, int heads, long seed) {
        Random r = new Random(seed);
        int[] h = RandomPermutations.uniform(hidden, r);
        Map<Integer, int[][]> perLayer = new HashMap<>();
        InMemoryModel out = new InMemoryModel();
        for (TensorInfo t : store.tensors()) {
            float[] w = store.read(t);
            TensorRole role = t.role();
            int layer = role.layer();
            int[][] p = layer < 0 ? null : perLayer.computeIfAbsent(layer, l -> layerPermutations(store, l, hidden, heads, r));
            int rows = (int) t.rows();
            int cols = (int) t.rowLength();
            int[] rowPerm = null;
            int[] colPerm = null;
            Role kind = role.role();
            if (kind == Role.EMBEDDING || kind == Role.POSITION_EMBEDDING || kind == Role.TOKEN_TYPE_EMBEDDING) {
                colPerm = h;
            } else if (kind.isNorm() && t.rank() == 1 && rows == hidden) {
                rowPerm = h;
            } else if (p != null && (kind == Role.Q || kind == Role.K)) {
                rowPerm = p[0];
                colPerm = h;
            } else if (p != null && kind == Role.V) {
                rowPerm = p[1];
                colPerm = h;
            } else if (p != null && kind == Role.O) {
                rowPerm = h;
                colPerm = p[1];
            } else if (p != null && (kind == Role.UP || kind == Role.GATE)) {
                rowPerm = p[2];
                colPerm = h;
            } else if (p != null && kind == Role.DOWN) {
                rowPerm = h;
                colPerm = p[2];
            } else if (kind == Role.POOLER && t.rank() == 2 && cols == hidden) {
                colPerm = h;
            }
            if (role.bias() || t.rank() == 1) {
                colPerm = null;
                cols = 1;
            }
            out.add(t.name(), role, permute(w, rows, cols, rowPerm, t.rank() == 1 ? null : colPerm), t.shape());
        }
        return out.store();
    }

    /** {q/k rows, v rows = o columns, MLP neurons} for one layer. */
    private static int[][] layerPermutations(TensorStore store, int layer, int hidden, int heads, Random r) {
        int attention = store.find(Role.Q, layer).map(t -> (int) t.rows()).orElse(hidden);
        int headDim = attention / heads;
        int[] order = RandomPermutations.uniform(heads, r);
        int[] ffn = RandomPermutations.uniform(store.find(Role.UP, layer).map(t -> (int) t.rows()).orElse(1), r);
        return new int[][] {heads(order, headDim, r), heads(order, headDim, r), ffn};
    }

    private static int[] heads(int[] order, int headDim, Random r) {
        int[] out = new int[order.length * headDim];
        for (int i = 0; i < order.length; i++) {
            int[] inner = RandomPermutations.uniform(headDim, r);
            for (int k = 0; k < headDim; k++) {
                out[i * headDim + k] = order[i] * headDim + inner[k];
            }
        }
        return out;
    }

    private static float[] permute(float[] w, int rows, int cols, int[] rowPerm, int[] colPerm) {
        if (rowPerm == null && colPerm == null) {
            return w;
        }
        float[] out = new float[w.length];
        for (int i = 0; i < rows; i++) {
            int src = rowPerm == null ? i : rowPerm[i];
            for (int j = 0; j < cols; j++) {
                out[i * cols + j] = w[src * cols + (colPerm == null ? j : colPerm[j])];
            }
        }
        return out;
    }
}
