package dev.pedigree.signals;

import dev.pedigree.model.StoredTensor;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.TensorStore;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One model's tensor store with a count of the stored bytes our signals asked for, so a comparison
 * can report what it read against the model's total. Bytes per element come from the stored tensor
 * (quantised formats have fractional sizes); logical slices of a fused tensor use the model's mean.
 */
public final class CountedReads {
    private final TensorStore store;
    private final AtomicLong bytes = new AtomicLong();
    private final Map<String, Double> bytesPerElement = new HashMap<>();
    private final double meanBytesPerElement;
    private final long totalBytes;

    public CountedReads(TensorStore store) {
        this.store = store;
        long total = 0;
        long elements = 0;
        for (StoredTensor t : store.container().tensors()) {
            total += t.byteSize();
            elements += t.elementCount();
            if (t.elementCount() > 0) {
                bytesPerElement.put(t.name(), (double) t.byteSize() / t.elementCount());
            }
        }
        this.totalBytes = total;
        this.meanBytesPerElement = elements == 0 ? 4 : (double) total / elements;
    }

    public TensorStore store() {
        return store;
    }

    /** Stored bytes of every tensor of the model. */
    public long totalBytes() {
        return totalBytes;
    }

    /** Stored bytes read so far. */
    public long bytesRead() {
        return bytes.get();
    }

    public float[] read(TensorInfo t) {
        count(t, t.elementCount());
        return store.read(t);
    }

    public float[] readRows(TensorInfo t, long first, int count) {
        count(t, (long) count * t.rowLength());
        return store.readRows(t, first, count);
    }

    /**
     * The listed rows (ascending, distinct) packed in that order, read as runs of consecutive rows so
     * that nothing between them is decoded.
     */
    public float[] readRowSet(TensorInfo t, int[] rows) {
        int w = Math.toIntExact(t.rowLength());
        float[] out = new float[Math.multiplyExact(rows.length, w)];
        if (store.decodesWhole(t)) {
            float[] all = read(t);
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(all, rows[i] * w, out, i * w, w);
            }
            return out;
        }
        prefetchRows(t, rows);
        int i = 0;
        while (i < rows.length) {
            int run = 1;
            while (i + run < rows.length && rows[i + run] == rows[i] + run) {
                run++;
            }
            System.arraycopy(readRows(t, rows[i], run), 0, out, i * w, run * w);
            i += run;
        }
        return out;
    }

    /**
     * Asks for the listed rows (ascending) to be fetched in the background before they are read one
     * run at a time: on a cold file the scattered pages then arrive together rather than one fault
     * after another.
     */
    public void prefetchRows(TensorInfo t, int[] rows) {
        int i = 0;
        while (i < rows.length) {
            int run = 1;
            while (i + run < rows.length && rows[i + run] == rows[i] + run) {
                run++;
            }
            store.prefetchRows(t, rows[i], run);
            i += run;
        }
    }

    /** Stored bytes a read of {@code elements} elements of this tensor costs: all of it when any read decodes it whole. */
    long bytesOf(TensorInfo t, long elements) {
        long n = store.decodesWhole(t) ? t.elementCount() : elements;
        return Math.round(n * bytesPerElement.getOrDefault(t.name(), meanBytesPerElement));
    }

    private void count(TensorInfo t, long elements) {
        bytes.addAndGet(bytesOf(t, elements));
    }
}
