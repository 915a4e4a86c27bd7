package dev.pedigree.signals;

import dev.pedigree.model.Role;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.TensorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The weights of one unit group of one layer, in a given hidden frame: one row per unit for what it
 * reads (the in-roles side by side) and one for what it feeds, each restricted to the frame's hidden
 * columns in the frame's order.
 *
 * @param totalUnits units in the layer; {@code units} of them (a seeded sample beyond the cap) are here
 */
record GroupWeights(float[] in, int inWidth, float[] out, int outWidth, int units, int totalUnits) {

    /**
     * @param inRoles the group's in-roles both models have at this layer (GPT-2 has no gate: then up alone)
     * @return null when the layer lacks the roles or their shapes do not fit the hidden frame
     */
    static GroupWeights read(TensorStore store, int layer, UnitGroup g, List<Role> inRoles, int[] frame, int maxUnits, long seed) {
        List<TensorInfo> ins = new ArrayList<>();
        for (Role r : inRoles) {
            store.find(r, layer).ifPresent(ins::add);
        }
        Optional<TensorInfo> out = store.find(g.out, layer);
        if (ins.isEmpty() || out.isEmpty() || out.get().rank() != 2) {
            return null;
        }
        long units = ins.get(0).rows();
        long hidden = ins.get(0).rowLength();
        for (TensorInfo t : ins) {
            if (t.rank() != 2 || t.rows() != units || t.rowLength() != hidden) {
                return null;
            }
        }
        long[] os = out.get().shape();
        boolean fits = g.outTransposed ? os[0] == hidden && os[1] == units : os[0] == units && os[1] == hidden;
        if (!fits || maxFrameIndex(frame) >= hidden) {
            return null;
        }
        int n = Math.toIntExact(units);
        int h = Math.toIntExact(hidden);
        int[] keep = n > maxUnits ? EmbeddingGeometry.sample(n, maxUnits, seed) : null;
        int kept = keep == null ? n : keep.length;
        int inWidth = frame.length * ins.size();
        float[] inRows = new float[kept * inWidth];
        for (int t = 0; t < ins.size(); t++) {
            float[] w = store.read(ins.get(t));
            for (int u = 0; u < kept; u++) {
                int src = keep == null ? u : keep[u];
                for (int c = 0; c < frame.length; c++) {
                    inRows[u * inWidth + t * frame.length + c] = w[src * h + frame[c]];
                }
            }
        }
        float[] w = store.read(out.get());
        float[] outRows = new float[kept * frame.length];
        for (int u = 0; u < kept; u++) {
            int src = keep == null ? u : keep[u];
            for (int c = 0; c < frame.length; c++) {
                outRows[u * frame.length + c] = g.outTransposed ? w[frame[c] * n + src] : w[src * h + frame[c]];
            }
        }
        return new GroupWeights(inRows, inWidth, outRows, frame.length, kept, n);
    }

    private static int maxFrameIndex(int[] frame) {
        int m = -1;
        for (int f : frame) {
            m = Math.max(m, f);
        }
        return m;
    }
}
