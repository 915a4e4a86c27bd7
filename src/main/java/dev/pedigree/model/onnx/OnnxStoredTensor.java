package dev.pedigree.model.onnx;

import dev.pedigree.model.StoredTensor;
import java.util.Objects;

/** An initialiser or Constant-node tensor read as stored, with the graph facts its consumer gives it. */
final class OnnxStoredTensor implements StoredTensor {
    private final ResolvedTensor tensor;
    private final GraphUse use;

    OnnxStoredTensor(ResolvedTensor tensor, GraphUse use) {
        this.tensor = tensor;
        this.use = use;
    }

    @Override
    public String name() {
        return tensor.name();
    }

    @Override
    public String dtype() {
        return tensor.type().label();
    }

    @Override
    public long[] shape() {
        return tensor.shape().clone();
    }

    @Override
    public long byteSize() {
        return tensor.byteSize();
    }

    @Override
    public String graphPath() {
        return use == null ? name() : use.nodeName();
    }

    @Override
    public boolean storedInputMajor() {
        return use != null && tensor.shape().length == 2 && use.inputMajor();
    }

    @Override
    public void read(long first, float[] dst, int offset, int count) {
        Objects.checkFromIndexSize(first, count, tensor.elementCount());
        Objects.checkFromIndexSize(offset, count, dst.length);
        tensor.data().decode(first, dst, offset, count);
    }
}
