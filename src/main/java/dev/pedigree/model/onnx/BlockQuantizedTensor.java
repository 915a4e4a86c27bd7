package dev.pedigree.model.onnx;

import dev.pedigree.model.StoredTensor;
import java.util.Objects;

/**
 * The logical {@code [N, K]} weight (already {@code [out, in]}) behind a MatMulNBits node, de-quantised
 * on read: element {@code (n, k)} lies in block {@code b = k / blockSize} at position
 * {@code j = k % blockSize}; B holds it at byte {@code (n * blocks + b) * blob + j * bits / 8} (for 4 bits
 * the low nibble holds even j); {@code W = (q - zero_point) * scale[n * blocks + b]}. Decodes the B,
 * scale and zero-point bytes of one row at a time.
 */
final class BlockQuantizedTensor implements StoredTensor {
    private final String name;
    private final BlockQuantizedWeight weight;
    private final ResolvedTensor packed;
    private final ResolvedTensor scales;
    private final ResolvedTensor zeroPoints;
    private final String graphPath;

    BlockQuantizedTensor(String name, BlockQuantizedWeight weight, ResolvedTensor packed, ResolvedTensor scales,
                         ResolvedTensor zeroPoints, String graphPath) {
        this.name = name;
        this.weight = weight;
        this.packed = packed;
        this.scales = scales;
        this.zeroPoints = zeroPoints;
        this.graphPath = graphPath;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String dtype() {
        return (weight.bits() == 4 ? "UINT4" : "UINT8") + "(nbits)";
    }

    @Override
    public long[] shape() {
        return new long[] {weight.n(), weight.k()};
    }

    @Override
    public long byteSize() {
        return packed.byteSize() + scales.byteSize() + (zeroPoints == null ? 0 : zeroPoints.byteSize());
    }

    @Override
    public String graphPath() {
        return graphPath;
    }

    @Override
    public void read(long first, float[] dst, int offset, int count) {
        Objects.checkFromIndexSize(first, count, weight.n() * weight.k());
        Objects.checkFromIndexSize(offset, count, dst.length);
        int blocks = Math.toIntExact(weight.blocksPerRow());
        int blob = Math.toIntExact(weight.blobBytes());
        int zeroBytes = Math.toIntExact(weight.zeroPointBytesPerRow());
        float[] rowBytes = new float[blocks * blob];
        float[] rowScales = new float[blocks];
        float[] rowZeros = new float[zeroBytes];
        long currentRow = -1;
        int defaultZero = 1 << (weight.bits() - 1);
        for (int i = 0; i < count; i++) {
            long e = first + i;
            long n = e / weight.k();
            int k = (int) (e % weight.k());
            if (n != currentRow) {
                packed.data().decode(n * rowBytes.length, rowBytes, 0, rowBytes.length);
                scales.data().decode(n * blocks, rowScales, 0, blocks);
                if (zeroPoints != null) {
                    zeroPoints.data().decode(n * zeroBytes, rowZeros, 0, zeroBytes);
                }
                currentRow = n;
            }
            int b = k / weight.blockSize();
            int j = k % weight.blockSize();
            int q = weight.bits() == 4
                    ? ElementDecoding.nibble((int) rowBytes[b * blob + j / 2], j, false)
                    : (int) rowBytes[b * blob + j];
            int zero = zeroPoints == null ? defaultZero
                    : weight.bits() == 4 ? ElementDecoding.nibble((int) rowZeros[b / 2], b, false) : (int) rowZeros[b];
            dst[offset + i] = (q - zero) * rowScales[b];
        }
    }
}
