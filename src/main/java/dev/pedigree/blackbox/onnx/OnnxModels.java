package dev.pedigree.blackbox.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.pedigree.blackbox.QueryableModel;

/**
 * Opens a local ONNX model as the kind its graph says it is: an output named {@code logits} makes it
 * a causal language model, anything else is tried as an encoder.
 */
public final class OnnxModels {
    private OnnxModels() {
    }

    /** @param pooling for encoders; null picks it by model name ({@link Pooling#forModelName}) */
    public static QueryableModel open(OnnxModelFiles files, Pooling pooling, int batchSize) {
        boolean causal;
        try (OrtSession session = OnnxRuntime.open(files.onnx())) {
            causal = session.getOutputNames().contains("logits");
        } catch (OrtException e) {
            throw new IllegalStateException(files.onnx() + ": ONNX Runtime failed to close a session: " + e.getMessage(), e);
        }
        return causal
                ? OnnxCausalLanguageModel.open(files.name(), files.onnx(), files.tokenizer(), files.config(), batchSize)
                : OnnxEncoder.open(files.name(), files.onnx(), files.tokenizer(), pooling, batchSize);
    }
}
