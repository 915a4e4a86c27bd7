package dev.pedigree.model.onnx;

/** A validated TensorProto: element type, shape, bytes it occupies, and where its values are. */
record ResolvedTensor(String name, OnnxDataType type, long[] shape, long elementCount, long byteSize, TensorData data) {

    /** All values as float, for the small tensors (scales, zero points, shape constants) read whole. */
    float[] readAll() {
        float[] out = new float[Math.toIntExact(elementCount)];
        data.decode(0, out, 0, out.length);
        return out;
    }
}
