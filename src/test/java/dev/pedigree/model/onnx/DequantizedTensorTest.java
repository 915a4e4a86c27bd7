package dev.pedigree.model.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Any range of a per-channel de-quantised tensor equals (q - zp[c]) * scale[c] computed element by element. */
class DequantizedTensorTest {

    @Test
    void everyRangeOnEveryAxisMatchesTheDefinition() {
        SplittableRandom random = new SplittableRandom(5);
        long[] shape = {3, 4, 5};
        long[] q = new long[60];
        for (int i = 0; i < q.length; i++) {
            q[i] = random.nextInt(-128, 128);
        }
        ResolvedTensor quantized = new ResolvedTensor("w", OnnxDataType.INT8, shape, 60, 60, new TensorData.Integers(OnnxDataType.INT8, q));
        for (int axis = 0; axis < 3; axis++) {
            int channels = (int) shape[axis];
            float[] scales = new float[channels];
            float[] zeros = new float[channels];
            for (int c = 0; c < channels; c++) {
                scales[c] = 0.01f * (c + 1);
                zeros[c] = c - 1;
            }
            DequantizedTensor t = new DequantizedTensor("w", "INT8(qdq)", quantized, scales, zeros, axis, 0, null);
            long inner = 1;
            for (int d = axis + 1; d < 3; d++) {
                inner *= shape[d];
            }
            for (int first = 0; first < 60; first += 7) {
                for (int count = 0; first + count <= 60; count += 11) {
                    float[] out = new float[count + 2];
                    t.read(first, out, 1, count);
                    for (int i = 0; i < count; i++) {
                        int c = (int) (((first + i) / inner) % channels);
                        assertEquals((q[first + i] - zeros[c]) * scales[c], out[1 + i], 1e-7, "axis " + axis + " at " + (first + i));
                    }
                }
            }
        }
    }
}
