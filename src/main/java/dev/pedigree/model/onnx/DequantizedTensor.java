package dev.pedigree.model.onnx;

import dev.pedigree.model.StoredTensor;
import java.util.Objects;

/**
 * One logical weight behind a quantised initialiser and its scale and zero point:
 * {@code W = (q - zero_point) * scale}, with one scale for the tensor or one per index along
 * {@code axis} (per output channel). Decodes only the requested range of q.
 */
final class DequantizedTensor implements StoredTensor {
    private final String name;
    private final String dtype;
    private final ResolvedTensor quantized;
    private final float[] scales;
    private final float[] zeroPoints;
    /** Elements between consecutive indices along the quantisation axis. */
    private final long inner;
    private final long byteSize;
    private final GraphUse use;

    DequantizedTensor(String name, String dtype, ResolvedTensor quantized, float[] scales, float[] zeroPoints, int axis,
                      long extraBytes, GraphUse use) {
        this.name = name;
        this.dtype = dtype;
        this.quantized = quantized;
        this.scales = scales;
        this.zeroPoints = zeroPoints;
        long n = 1;
        long[] shape = quantized.shape();
        for (int d = axis + 1; d < shape.length; d++) {
            n *= shape[d];
        }
        this.inner = n;
        this.byteSize = quantized.byteSize() + extraBytes;
        this.use = use;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String dtype() {
        return dtype;
    }

    @Override
    public long[] shape() {
        return quantized.shape().clone();
    }

    @Override
    public long byteSize() {
        return byteSize;
    }

    @Override
    public String graphPath() {
        return use == null ? name : use.nodeName();
    }

    @Override
    public boolean storedInputMajor() {
        return use != null && quantized.shape().length == 2 && use.inputMajor();
    }

    @Override
    public void read(long first, float[] dst, int offset, int count) {
        Objects.checkFromIndexSize(first, count, quantized.elementCount());
        Objects.checkFromIndexSize(offset, count, dst.length);
        quantized.data().decode(first, dst, offset, count);
        if (scales.length == 1) {
            float scale = scales[0];
            float zero = zeroPoints[0];
            for (int i = 0; i < count; i++) {
                dst[offset + i] = (dst[offset + i] - zero) * scale;
            }
            return;
        }
        // Walk the channel index instead of dividing per element: it advances every `inner` elements.
        int channel = (int) ((first / inner) % scales.length);
        long untilNext = inner - first % inner;
        for (int i = 0; i < count; i++) {
            dst[offset + i] = (dst[offset + i] - zeroPoints[channel]) * scales[channel];
            if (--untilNext == 0) {
                untilNext = inner;
                channel = channel + 1 == scales.length ? 0 : channel + 1;
            }
        }
    }
}
