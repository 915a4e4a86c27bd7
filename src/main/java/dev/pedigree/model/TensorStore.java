package dev.pedigree.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one tensor view every signal reads through: lists tensors with roles and reads whole tensors,
 * row ranges or strided samples as floats in HF orientation. Reads decode only what they return
 * (a transposed tensor is decoded whole, since its rows are columns on disk).
 */
public final class TensorStore implements AutoCloseable {
    private final TensorContainer container;
    private final List<TensorView> views;
    private final Map<String, TensorView> byName = new LinkedHashMap<>();
    private final RoleAssignment roleAssignment;

    /** Views whose roles came from a naming table. */
    public TensorStore(TensorContainer container, List<TensorView> views) {
        this(container, views, RoleAssignment.namingTable(null));
    }

    public TensorStore(TensorContainer container, List<TensorView> views, RoleAssignment roleAssignment) {
        this.container = container;
        this.views = List.copyOf(views);
        this.roleAssignment = roleAssignment;
        for (TensorView v : this.views) {
            byName.put(v.info().name(), v);
        }
    }

    /** Where the roles came from: a naming table, or inferred from structure (with its confidence). */
    public RoleAssignment roleAssignment() {
        return roleAssignment;
    }

    /**
     * The same tensors with some roles replaced (by tensor name) and a new account of the roles. The
     * result shares this store's container: close only one of them.
     */
    public TensorStore withRoles(Map<String, TensorRole> roles, RoleAssignment assignment) {
        List<TensorView> relabelled = new ArrayList<>(views.size());
        for (TensorView v : views) {
            TensorRole r = roles.get(v.info().name());
            relabelled.add(r == null ? v
                    : new TensorView(new TensorInfo(v.info().name(), r, v.info().dtype(), v.info().shape()), v.source(), v.transposed(), v.rows()));
        }
        return new TensorStore(container, relabelled, assignment);
    }

    public TensorContainer container() {
        return container;
    }

    /** Logical tensors in file order. */
    public List<TensorInfo> tensors() {
        List<TensorInfo> out = new ArrayList<>(views.size());
        for (TensorView v : views) {
            out.add(v.info());
        }
        return Collections.unmodifiableList(out);
    }

    public Optional<TensorInfo> byName(String name) {
        TensorView v = byName.get(name);
        return v == null ? Optional.empty() : Optional.of(v.info());
    }

    /** The first tensor with this role, if any (weights, not biases). */
    public Optional<TensorInfo> find(Role role, int layer) {
        for (TensorView v : views) {
            TensorRole r = v.info().role();
            if (r.role() == role && r.layer() == layer && !r.bias()) {
                return Optional.of(v.info());
            }
        }
        return Optional.empty();
    }

    /** Number of transformer blocks seen among the roles (highest layer index + 1). */
    public int layerCount() {
        int max = -1;
        for (TensorView v : views) {
            max = Math.max(max, v.info().role().layer());
        }
        return max + 1;
    }

    public float[] read(TensorInfo t) {
        return readRows(t, 0, Math.toIntExact(t.rows()));
    }

    /** Rows {@code [first, first+count)} of dimension 0, row-major, in HF orientation. */
    public float[] readRows(TensorInfo t, long first, int count) {
        TensorView v = view(t);
        long rows = t.rows();
        if (first < 0 || count < 0 || first + count > rows) {
            throw new IndexOutOfBoundsException("rows [" + first + ", " + (first + count) + ") of " + t.name() + " with " + rows + " rows");
        }
        int rowLength = Math.toIntExact(t.rowLength());
        float[] out = new float[Math.multiplyExact(count, rowLength)];
        if (v.transposed()) {
            readTransposedRows(v, first, count, rowLength, out);
            return out;
        }
        forEachStoredRun(v, first, count, (sourceRow, r, run) -> v.source().read(sourceRow * rowLength, out, r * rowLength, run * rowLength));
        return out;
    }

    /** What is done with one run of rows that lie back to back on disk. */
    private interface StoredRun {
        void accept(long sourceRow, int offset, int run);
    }

    /** Splits logical rows {@code [first, first+count)} into runs contiguous in the stored tensor, in order. */
    private void forEachStoredRun(TensorView v, long first, int count, StoredRun action) {
        int r = 0;
        while (r < count) {
            long sourceRow = sourceRow(v, first + r);
            int run = 1;
            while (r + run < count && sourceRow(v, first + r + run) == sourceRow + run) {
                run++;
            }
            action.accept(sourceRow, r, run);
            r += run;
        }
    }

    /**
     * Whether reading any rows of this tensor decodes all of it: a transposed tensor's rows are
     * columns on disk. Callers reading scattered rows of such a tensor read it once, whole.
     */
    public boolean decodesWhole(TensorInfo t) {
        return view(t).transposed();
    }

    /**
     * Hints that rows {@code [first, first+count)} will be read soon (see {@link StoredTensor#prefetch});
     * nothing for a transposed tensor, which is decoded whole anyway.
     */
    public void prefetchRows(TensorInfo t, long first, int count) {
        TensorView v = view(t);
        if (v.transposed() || count <= 0 || first < 0 || first + count > t.rows()) {
            return;
        }
        long rowLength = t.rowLength();
        forEachStoredRun(v, first, count, (sourceRow, r, run) -> v.source().prefetch(sourceRow * rowLength, run * rowLength));
    }

    /**
     * At most {@code maxValues} elements of the row-major flattening, taken every
     * {@code ceil(n / maxValues)} elements starting at 0.
     */
    public float[] readStrided(TensorInfo t, int maxValues) {
        long n = t.elementCount();
        long stride = Math.max(1, (n + maxValues - 1) / maxValues);
        int count = Math.toIntExact((n + stride - 1) / stride);
        float[] out = new float[count];
        TensorView v = view(t);
        if (v.transposed()) {
            float[] all = read(t);
            for (int i = 0; i < count; i++) {
                out[i] = all[Math.toIntExact(i * stride)];
            }
            return out;
        }
        long rowLength = t.rowLength();
        float[] one = new float[1];
        for (int i = 0; i < count; i++) {
            long flat = i * stride;
            long row = flat / rowLength;
            long col = flat % rowLength;
            v.source().read(sourceRow(v, row) * rowLength + col, one, 0, 1);
            out[i] = one[0];
        }
        return out;
    }

    private static long sourceRow(TensorView v, long row) {
        return v.rows() == null ? row : v.rows()[Math.toIntExact(row)];
    }

    private static void readTransposedRows(TensorView v, long first, int count, int rowLength, float[] out) {
        // Stored [in, out]: logical row r is stored column r. Decode the stored tensor once.
        StoredTensor s = v.source();
        long[] shape = s.shape();
        int storedRows = Math.toIntExact(shape[0]);
        int storedCols = Math.toIntExact(s.elementCount() / Math.max(1, storedRows));
        float[] all = new float[Math.multiplyExact(storedRows, storedCols)];
        s.read(0, all, 0, all.length);
        for (int r = 0; r < count; r++) {
            int col = Math.toIntExact(sourceRow(v, first + r));
            for (int k = 0; k < rowLength; k++) {
                out[r * rowLength + k] = all[k * storedCols + col];
            }
        }
    }

    private TensorView view(TensorInfo t) {
        TensorView v = byName.get(t.name());
        if (v == null) {
            throw new IllegalArgumentException("no tensor " + t.name() + " in " + container.file());
        }
        return v;
    }

    @Override
    public void close() {
        container.close();
    }
}
