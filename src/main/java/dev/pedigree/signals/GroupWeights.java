package dev.pedigree.signals;

import dev.pedigree.model.Role;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.TensorStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The weights of one unit group of one layer, in a given hidden frame: one row per unit for what it
 * reads (the in-roles side by side) and one for what it feeds, each restricted to the frame's hidden
 * columns in the frame's order.
 *
 * <p>With grouped-query attention the k and v projections have one row per key/value dimension and q
 * and o have {@code r} times as many (r query heads share each key/value head). The unit is then the
 * key/value dimension: its q side is the sum of the q rows of the same dimension in the r query heads
 * of its group (likewise the o columns), which every function-preserving re-ordering leaves as it is:
 * re-ordering the query heads inside a group permutes the summands, and moving a key/value group moves
 * its query heads with it.
 *
 * @param totalUnits units in the layer; {@code units} of them (a seeded sample) are here
 */
record GroupWeights(float[] in, int inWidth, float[] out, int outWidth, int units, int totalUnits) {

    /**
     * Which units one side reads and which hidden positions its out-weights keep.
     *
     * @param units        ascending unit indices, or null for all
     * @param outPositions ascending positions in the frame that the out-weights keep, or null for all
     */
    record Selection(int[] units, int[] outPositions) {
        static final Selection ALL = new Selection(null, null);
    }

    /**
     * The tensors of one group of one layer and how their rows map to units.
     *
     * @param ins        the in-role tensors, each with {@code units × linesPerUnit} rows
     * @param inLines    per in-tensor, its rows per unit (query heads per key/value head for q, else 1)
     * @param outLines   the out tensor's rows (or columns when transposed) per unit
     * @param headDim    dimensions per key/value head (needed only where lines per unit exceed 1)
     */
    record Layout(UnitGroup group, List<TensorInfo> ins, int[] inLines, TensorInfo out, int outLines, int units, int hidden, int headDim) {

        /** Row or column of a tensor with {@code lines} lines per unit holding line {@code j} of unit {@code u}. */
        int line(int u, int j, int lines) {
            return lines == 1 ? u : ((u / headDim) * lines + j) * headDim + u % headDim;
        }

        /** Stored bytes {@link #read} takes for this selection. */
        long bytes(CountedReads s, Selection sel) {
            long total = 0;
            int kept = sel.units() == null ? units : sel.units().length;
            for (int t = 0; t < ins.size(); t++) {
                long rows = sel.units() == null ? (long) units * inLines[t] : (long) kept * inLines[t];
                total += s.bytesOf(ins.get(t), rows * hidden);
            }
            if (group.outTransposed) {
                long rowLength = out.rowLength();
                total += sel.outPositions() == null ? s.bytesOf(out, out.elementCount()) : s.bytesOf(out, sel.outPositions().length * rowLength);
            } else {
                total += s.bytesOf(out, (sel.units() == null ? (long) units : kept) * outLines * hidden);
            }
            return total;
        }
    }

    /**
     * @param inRoles  the group's in-roles both models have at this layer (GPT-2 has no gate: then up alone)
     * @param kvHeads  key/value heads declared by the model, or 0 when unknown (then grouped-query attention cannot be laid out)
     * @return null when the layer lacks the roles or their shapes do not fit the hidden frame
     */
    static Layout layout(TensorStore store, int layer, UnitGroup g, List<Role> inRoles, int[] frame, int kvHeads) {
        List<TensorInfo> ins = new ArrayList<>();
        for (Role r : inRoles) {
            store.find(r, layer).ifPresent(ins::add);
        }
        Optional<TensorInfo> out = store.find(g.out, layer);
        if (ins.isEmpty() || out.isEmpty() || out.get().rank() != 2) {
            return null;
        }
        long hidden = ins.get(0).rowLength();
        long[] os = out.get().shape();
        // Units are counted on the side that has one line per unit: k rows (QK), v rows (VO), up rows (MLP).
        long units = g == UnitGroup.QK ? os[0] : ins.get(0).rows();
        long outSize = g.outTransposed ? os[1] : os[0];
        long outHidden = g.outTransposed ? os[0] : os[1];
        if (units <= 0 || outHidden != hidden || outSize % units != 0 || maxFrameIndex(frame) >= hidden) {
            return null;
        }
        int[] inLines = new int[ins.size()];
        boolean grouped = outSize != units;
        for (int t = 0; t < ins.size(); t++) {
            TensorInfo ti = ins.get(t);
            if (ti.rank() != 2 || ti.rowLength() != hidden || ti.rows() % units != 0) {
                return null;
            }
            inLines[t] = Math.toIntExact(ti.rows() / units);
            grouped |= inLines[t] != 1;
        }
        int headDim = 0;
        if (grouped) {
            if (g == UnitGroup.MLP) {
                return null;
            }
            if (kvHeads <= 0 || units % kvHeads != 0) {
                return null;
            }
            headDim = Math.toIntExact(units / kvHeads);
        }
        return new Layout(g, List.copyOf(ins), inLines, out.get(), Math.toIntExact(outSize / units), Math.toIntExact(units),
                Math.toIntExact(hidden), headDim);
    }

    static GroupWeights read(CountedReads store, Layout l, int[] frame, Selection sel) {
        int[] keep = sel.units();
        int kept = keep == null ? l.units() : keep.length;
        int inWidth = frame.length * l.ins().size();
        float[] inRows = new float[Math.multiplyExact(kept, inWidth)];
        for (int t = 0; t < l.ins().size(); t++) {
            int lines = l.inLines()[t];
            Lines w = Lines.read(store, l.ins().get(t), l, keep, lines);
            for (int u = 0; u < kept; u++) {
                int unit = keep == null ? u : keep[u];
                for (int j = 0; j < lines; j++) {
                    int at = w.offset(l.line(unit, j, lines));
                    for (int c = 0; c < frame.length; c++) {
                        inRows[u * inWidth + t * frame.length + c] += w.values[at + frame[c]];
                    }
                }
            }
        }
        int[] positions = sel.outPositions();
        int outWidth = positions == null ? frame.length : positions.length;
        float[] outRows = new float[Math.multiplyExact(kept, outWidth)];
        if (outWidth == 0) {
            // A fit on in-weights alone (the choice among deeper layers) reads no out-weights.
            return new GroupWeights(inRows, inWidth, outRows, 0, kept, l.units());
        }
        if (l.group().outTransposed) {
            // Units are columns: read the hidden rows the kept positions name, whole.
            TensorInfo out = l.out();
            int cols = Math.toIntExact(out.rowLength());
            float[] w;
            int[] rowOf = new int[outWidth];
            if (positions == null) {
                w = store.read(out);
                for (int c = 0; c < outWidth; c++) {
                    rowOf[c] = frame[c];
                }
            } else {
                int[] hiddenRows = new int[outWidth];
                for (int c = 0; c < outWidth; c++) {
                    hiddenRows[c] = frame[positions[c]];
                }
                int[] sorted = hiddenRows.clone();
                Arrays.sort(sorted);
                w = store.readRowSet(out, sorted);
                for (int c = 0; c < outWidth; c++) {
                    rowOf[c] = Arrays.binarySearch(sorted, hiddenRows[c]);
                }
            }
            for (int u = 0; u < kept; u++) {
                int unit = keep == null ? u : keep[u];
                for (int j = 0; j < l.outLines(); j++) {
                    int col = l.line(unit, j, l.outLines());
                    for (int c = 0; c < outWidth; c++) {
                        outRows[u * outWidth + c] += w[rowOf[c] * cols + col];
                    }
                }
            }
        } else {
            Lines w = Lines.read(store, l.out(), l, keep, l.outLines());
            for (int u = 0; u < kept; u++) {
                int unit = keep == null ? u : keep[u];
                for (int j = 0; j < l.outLines(); j++) {
                    int at = w.offset(l.line(unit, j, l.outLines()));
                    for (int c = 0; c < outWidth; c++) {
                        outRows[u * outWidth + c] += w.values[at + frame[positions == null ? c : positions[c]]];
                    }
                }
            }
        }
        return new GroupWeights(inRows, inWidth, outRows, outWidth, kept, l.units());
    }

    /** The rows of one tensor that the kept units use: all of them, or only theirs. */
    private record Lines(float[] values, int[] rows, int width) {
        static Lines read(CountedReads store, TensorInfo t, Layout l, int[] keep, int lines) {
            int width = Math.toIntExact(t.rowLength());
            if (keep == null) {
                return new Lines(store.read(t), null, width);
            }
            int[] rows = new int[keep.length * lines];
            for (int u = 0; u < keep.length; u++) {
                for (int j = 0; j < lines; j++) {
                    rows[u * lines + j] = l.line(keep[u], j, lines);
                }
            }
            Arrays.sort(rows);
            return new Lines(store.readRowSet(t, rows), rows, width);
        }

        int offset(int row) {
            return (rows == null ? row : Arrays.binarySearch(rows, row)) * width;
        }
    }

    private static int maxFrameIndex(int[] frame) {
        int m = -1;
        for (int f : frame) {
            m = Math.max(m, f);
        }
        return m;
    }
}
