package dev.pedigree.blackbox.onnx;

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
        OrtSession session = OnnxRuntime.open(files.onnx());
        return session.getOutputNames().contains("logits")
                ? OnnxCausalLanguageModel.over(session, files.name(), files.onnx(), files.tokenizer(), files.config(), batchSize)
                : OnnxEncoder.over(session, files.name(), files.onnx(), files.tokenizer(), pooling, batchSize);
    }
}
