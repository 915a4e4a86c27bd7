package dev.pedigree.model;

/**
 * How one logical tensor is read from a stored one: optionally transposed from {@code [in, out]},
 * optionally a selection of rows (after transposition) of a fused tensor such as GPT-2's
 * {@code c_attn} or GPT-NeoX's interleaved {@code query_key_value}.
 *
 * @param rows source rows (in HF orientation) making up this tensor, in order; null for all rows
 */
public record TensorView(TensorInfo info, StoredTensor source, boolean transposed, int[] rows) {
    public static TensorView whole(TensorInfo info, StoredTensor source, boolean transposed) {
        return new TensorView(info, source, transposed, null);
    }
}
