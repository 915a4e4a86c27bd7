package dev.pedigree.blackbox.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.pedigree.error.BadInputException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The key/value-cache inputs of an export, as Hugging Face exports name them:
 * {@code past_key_values.<layer>.key|value} [batch, kv-heads, past, head-dim] (float32) in, and the
 * same tensors grown by the new tokens out as {@code present.<layer>.key|value}.
 */
final class PastKeyValues {
    private static final String PAST = "past_key_values";
    private static final String PRESENT = "present";
    private final List<String> inputs;
    private final List<long[]> shapes;

    private PastKeyValues(List<String> inputs, List<long[]> shapes) {
        this.inputs = inputs;
        this.shapes = shapes;
    }

    /** The cache inputs of {@code session}, or null when it has none. */
    static PastKeyValues of(OrtSession session, Path onnx) throws OrtException {
        List<String> inputs = new ArrayList<>();
        List<long[]> shapes = new ArrayList<>();
        for (Map.Entry<String, NodeInfo> e : session.getInputInfo().entrySet()) {
            if (!e.getKey().startsWith(PAST)) {
                continue;
            }
            String present = PRESENT + e.getKey().substring(PAST.length());
            if (!(e.getValue().getInfo() instanceof TensorInfo t) || t.type != OnnxJavaType.FLOAT
                    || t.getShape().length != 4 || t.getShape()[1] < 1 || t.getShape()[3] < 1) {
                throw new BadInputException(onnx + ": cache input " + e.getKey()
                        + " is not float32 [batch, heads, past, head-dim] with fixed heads and head-dim");
            }
            if (!session.getOutputNames().contains(present)) {
                throw new BadInputException(onnx + ": cache input " + e.getKey() + " has no output " + present);
            }
            inputs.add(e.getKey());
            shapes.add(t.getShape());
        }
        return inputs.isEmpty() ? null : new PastKeyValues(inputs, shapes);
    }

    /** Adds an empty cache (past length 0) for a batch of {@code batch} rows. */
    void addEmpty(Map<String, OnnxTensor> feed, int batch) throws OrtException {
        for (int i = 0; i < inputs.size(); i++) {
            long[] shape = {batch, shapes.get(i)[1], 0, shapes.get(i)[3]};
            feed.put(inputs.get(i), OnnxTensor.createTensor(OnnxRuntime.environment(), FloatBuffer.allocate(0), shape));
        }
    }

    /** Feeds the previous step's {@code present} outputs back as this step's {@code past} inputs. */
    void addFrom(Map<String, OnnxTensor> feed, OrtSession.Result previous) {
        for (String input : inputs) {
            feed.put(input, (OnnxTensor) previous.get(PRESENT + input.substring(PAST.length())).orElseThrow());
        }
    }

    /** The inputs {@link #addEmpty} created (the ones {@link #addFrom} adds belong to their result). */
    List<String> names() {
        return inputs;
    }
}
