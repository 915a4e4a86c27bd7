package dev.pedigree.blackbox.onnx;

import ai.onnxruntime.OrtSession;
import dev.pedigree.blackbox.ModelKind;
import dev.pedigree.blackbox.QueryableModel;
import dev.pedigree.model.onnx.OnnxContainer;
import dev.pedigree.model.onnx.OnnxReader;

/**
 * Opens a local ONNX model as the kind its graph says it is ({@link ModelKind#ofOnnxOutputs}): a causal
 * language model or an encoder.
 */
public final class OnnxModels {
    private OnnxModels() {
    }

    /** @param pooling for encoders; null picks it by model name ({@link Pooling#forModelName}) */
    public static QueryableModel open(OnnxModelFiles files, Pooling pooling, int batchSize) {
        OrtSession session = OnnxRuntime.open(files.onnx());
        return ModelKind.ofOnnxOutputs(session.getOutputNames()) == ModelKind.CAUSAL
                ? OnnxCausalLanguageModel.over(session, files.name(), files.onnx(), files.tokenizer(), files.config(), batchSize)
                : OnnxEncoder.over(session, files.name(), files.onnx(), files.tokenizer(), pooling, batchSize);
    }

    /**
     * The kind {@link #open} would open the model as, read off the graph by pedigree's own ONNX reader:
     * the file is mapped and parsed, no runtime session is built and no weight is read.
     */
    public static ModelKind kindOf(OnnxModelFiles files) {
        try (OnnxContainer graph = new OnnxReader().open(files.onnx())) {
            return ModelKind.ofOnnxOutputs(graph.outputNames());
        }
    }
}
