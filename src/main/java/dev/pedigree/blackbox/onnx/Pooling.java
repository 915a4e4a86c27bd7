package dev.pedigree.blackbox.onnx;

import java.util.Locale;

/**
 * How an encoder's token vectors become one sentence vector: the mean over the real tokens, or the
 * first ({@code [CLS]}) token's vector. Which one a model was trained for is a fact about the model
 * that its ONNX file does not record, so it comes from this small table (by model name) or from the
 * user's flag.
 */
public enum Pooling {
    MEAN,
    CLS;

    /**
     * The pooling of the model families we know: BGE uses the CLS vector; sentence-transformers
     * (MiniLM, MPNet) and E5 mean-pool. Unknown names mean-pool, the sentence-transformers default.
     */
    public static Pooling forModelName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("bge")) {
            return CLS;
        }
        return MEAN;
    }
}
