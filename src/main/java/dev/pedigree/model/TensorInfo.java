package dev.pedigree.model;

import java.util.Arrays;

/**
 * A tensor as pedigree sees it: its role and its shape in the Hugging Face orientation
 * ({@code [out, in]} for linear weights), whatever the file format stored.
 *
 * @param name  stored name; a slice of a fused tensor gets a suffix ({@code c_attn.weight[q]})
 * @param dtype on-disk element type of the stored tensor it reads from
 */
public record TensorInfo(String name, TensorRole role, String dtype, long[] shape) {
    public TensorInfo {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public long elementCount() {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** Size of dimension 0 (1 for a scalar). */
    public long rows() {
        return shape.length == 0 ? 1 : shape[0];
    }

    /** Product of all dimensions after the first. */
    public long rowLength() {
        long n = 1;
        for (int i = 1; i < shape.length; i++) {
            n = Math.multiplyExact(n, shape[i]);
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorInfo t && name.equals(t.name) && role.equals(t.role)
                && dtype.equals(t.dtype) && Arrays.equals(shape, t.shape);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + " " + role + " " + dtype + Arrays.toString(shape);
    }
}
