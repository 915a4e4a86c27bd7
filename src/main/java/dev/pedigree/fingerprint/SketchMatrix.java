package dev.pedigree.fingerprint;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Every entry's weight sketch in one row-major array, with the parts each one has, so the first scan
 * pass is a stream over contiguous memory split across the cores. Built once per loaded database.
 * An entry without a sketch, or with one of another length (another schema's), has no row: its
 * similarity is NaN.
 */
final class SketchMatrix {
    /** Rows per parallel task: large enough to amortise the task, small enough to split 10,000 entries across cores. */
    private static final int BLOCK = 1024;
    private final float[] rows;
    private final int[] masks;
    private final boolean[] present;

    private SketchMatrix(float[] rows, int[] masks, boolean[] present) {
        this.rows = rows;
        this.masks = masks;
        this.present = present;
    }

    static SketchMatrix of(List<IndexEntry> entries) {
        int n = entries.size();
        int len = WeightSketch.LENGTH;
        float[] rows = new float[n * len];
        int[] masks = new int[n];
        boolean[] present = new boolean[n];
        for (int i = 0; i < n; i++) {
            float[] s = entries.get(i).sketch();
            if (s != null && s.length == len) {
                System.arraycopy(s, 0, rows, i * len, len);
                masks[i] = WeightSketch.partMask(s);
                present[i] = true;
            }
        }
        return new SketchMatrix(rows, masks, present);
    }

    /** {@link WeightSketch#similarity} of {@code query} with every entry, by index; NaN where an entry has no sketch. */
    double[] similarities(float[] query) {
        int n = present.length;
        double[] out = new double[n];
        int qMask = WeightSketch.partMask(query);
        IntStream.range(0, (n + BLOCK - 1) / BLOCK).parallel().forEach(b -> {
            for (int i = b * BLOCK, end = Math.min(n, i + BLOCK); i < end; i++) {
                out[i] = present[i] ? WeightSketch.similarity(query, qMask, rows, i * WeightSketch.LENGTH, masks[i]) : Double.NaN;
            }
        });
        return out;
    }
}
