package dev.pedigree.blackbox.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.Map;

/** Builds [batch, length] integer input tensors in the element type the graph declares (int64 or int32). */
final class OrtInputs {
    private OrtInputs() {
    }

    static OnnxTensor matrix(OrtSession session, String input, long[] values, int batch, int length)
            throws OrtException {
        long[] shape = {batch, length};
        NodeInfo info = session.getInputInfo().get(input);
        if (info.getInfo() instanceof TensorInfo t && t.type == OnnxJavaType.INT32) {
            int[] ints = new int[values.length];
            for (int i = 0; i < ints.length; i++) {
                ints[i] = (int) values[i];
            }
            return OnnxTensor.createTensor(OnnxRuntime.environment(), IntBuffer.wrap(ints), shape);
        }
        return OnnxTensor.createTensor(OnnxRuntime.environment(), LongBuffer.wrap(values), shape);
    }

    static void closeAll(Map<String, OnnxTensor> tensors) {
        tensors.values().forEach(OnnxTensor::close);
    }
}
