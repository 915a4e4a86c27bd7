package dev.pedigree.blackbox;

import java.util.Collection;

/** What a distance needs a model to do: continue text, or map text to a vector. */
public enum ModelKind {
    CAUSAL,
    ENCODER;

    /**
     * What a local ONNX export is, by its graph's output names: an output named {@code logits} makes it a
     * causal language model (the Hugging Face export's name), anything else is tried as an encoder.
     */
    public static ModelKind ofOnnxOutputs(Collection<String> outputNames) {
        return outputNames.contains("logits") ? CAUSAL : ENCODER;
    }
}
