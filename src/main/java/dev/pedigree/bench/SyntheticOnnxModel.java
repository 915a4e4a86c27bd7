package dev.pedigree.bench;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a BERT-shaped ONNX encoder of random weights for the reader benchmark, as torch would export
 * it (anonymous {@code onnx::MatMul_N} initialisers consumed by named MatMul nodes), either in fp32 or
 * as onnxruntime's dynamic int8 quantisation (MatMulInteger with per-channel scale and zero point).
 */
final class SyntheticOnnxModel {
    private static final String[] MODULES = {"attention/self/query", "attention/self/key", "attention/self/value",
        "attention/output/dense", "intermediate/dense", "output/dense"};

    private SyntheticOnnxModel() {
    }

    static void write(Path file, int layers, int hidden, int intermediate, boolean int8, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        ByteString.Output graph = ByteString.newOutput();
        CodedOutputStream g = CodedOutputStream.newInstance(graph);
        int id = 0;
        for (int layer = 0; layer < layers; layer++) {
            for (String module : MODULES) {
                int in = module.equals("output/dense") ? intermediate : hidden;
                int out = module.equals("intermediate/dense") ? intermediate : hidden;
                String w = "onnx::MatMul_" + (100 + id++);
                String node = "/encoder/layer." + layer + "/" + module + "/MatMul";
                if (int8) {
                    g.writeByteArray(5, tensor(w + "_quantized", 3, new long[] {in, out}, randomBytes(random, in * out)));
                    g.writeByteArray(5, tensor(w + "_scale", 1, new long[] {out}, floats(random, out, 0.001f)));
                    g.writeByteArray(5, tensor(w + "_zero_point", 3, new long[] {out}, new byte[out]));
                    g.writeByteArray(1, node("MatMulInteger", node + "_quant", new String[] {"x_q", w + "_quantized", "x_zp", w + "_zero_point"}, w + "_out"));
                } else {
                    g.writeByteArray(5, tensor(w, 1, new long[] {in, out}, floats(random, in * out, 0.05f)));
                    g.writeByteArray(1, node("MatMul", node, new String[] {"x", w}, w + "_out"));
                }
            }
        }
        g.flush();
        try (OutputStream os = Files.newOutputStream(file)) {
            CodedOutputStream m = CodedOutputStream.newInstance(os);
            m.writeInt64(1, 8);
            m.writeString(2, "pedigree-bench");
            m.writeBytes(7, graph.toByteString());
            ByteString.Output opset = ByteString.newOutput();
            CodedOutputStream o = CodedOutputStream.newInstance(opset);
            o.writeString(1, "");
            o.writeInt64(2, 17);
            o.flush();
            m.writeBytes(8, opset.toByteString());
            m.flush();
        }
    }

    private static byte[] tensor(String name, int dataType, long[] dims, byte[] raw) throws IOException {
        ByteString.Output bytes = ByteString.newOutput(raw.length + 64);
        CodedOutputStream t = CodedOutputStream.newInstance(bytes);
        for (long d : dims) {
            t.writeInt64(1, d);
        }
        t.writeInt32(2, dataType);
        t.writeString(8, name);
        t.writeByteArray(9, raw);
        t.flush();
        return bytes.toByteString().toByteArray();
    }

    private static byte[] node(String opType, String name, String[] inputs, String output) throws IOException {
        ByteString.Output bytes = ByteString.newOutput();
        CodedOutputStream n = CodedOutputStream.newInstance(bytes);
        for (String in : inputs) {
            n.writeString(1, in);
        }
        n.writeString(2, output);
        n.writeString(3, name);
        n.writeString(4, opType);
        n.flush();
        return bytes.toByteString().toByteArray();
    }

    private static byte[] floats(SplittableRandom random, int count, float scale) {
        ByteBuffer b = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            b.putFloat((float) (random.nextDouble(-1, 1) * scale));
        }
        return b.array();
    }

    private static byte[] randomBytes(SplittableRandom random, int count) {
        byte[] b = new byte[count];
        for (int i = 0; i < count; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }
}
