package dev.pedigree.model;

/**
 * One tensor as a reader found it on disk, before roles and orientation are applied.
 *
 * <p>{@link #shape()} is row-major, outermost dimension first (a GGUF reader has already reversed
 * ggml's innermost-first dims). Elements are addressed in that flat row-major order and decoded to
 * float on read; implementations touch only the bytes of the requested range (for block-quantised
 * types, only the blocks that cover it).
 */
public interface StoredTensor {
    /** The name as stored in the file (an anonymous ONNX initialiser keeps its anonymous name). */
    String name();

    /** On-disk element type as its format names it: {@code BF16}, {@code Q4_K}, {@code INT8}. */
    String dtype();

    long[] shape();

    /** Bytes this tensor occupies in its file. */
    long byteSize();

    /**
     * Where a graph uses this tensor, when the format knows it: for ONNX the name of the consuming
     * node ({@code /encoder/layer.3/attention/self/query/MatMul}), which carries the layer and role
     * that anonymous initialiser names lack. Otherwise the tensor's own name.
     */
    default String graphPath() {
        return name();
    }

    /**
     * True when a 2-D weight is stored {@code [in, out]} (ONNX MatMul initialisers, GPT-2 Conv1D) and
     * must be transposed to reach the HF orientation {@code [out, in]}. Readers that know the layout
     * from the graph say so here; architecture maps may also decide it.
     */
    default boolean storedInputMajor() {
        return false;
    }

    /**
     * Announces that elements {@code [first, first + count)} will be read soon, so that a reader of a
     * mapped file can have their pages fetched in the background, many ranges at once, instead of one
     * page fault after another. A hint only: the default does nothing.
     */
    default void prefetch(long first, long count) {
    }

    /** Decodes {@code count} elements starting at flat index {@code first} into {@code dst[offset..]}. */
    void read(long first, float[] dst, int offset, int count);

    default long elementCount() {
        long n = 1;
        for (long d : shape()) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }
}
