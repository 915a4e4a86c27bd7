package dev.pedigree.model;

import java.util.List;
import java.util.Map;

/**
 * A model's architecture as declared by config.json (the text backbone of a nested config), GGUF
 * metadata, or read off an ONNX graph. Fields are null when the source does not say; {@code raw}
 * keeps every declared key for signals that need more (MPK's metadata fingerprint).
 *
 * @param source where these facts came from: {@code config.json}, {@code gguf}, {@code onnx-graph}
 */
public record ArchitectureSpec(
        String source,
        String modelType,
        List<String> architectures,
        Integer hiddenSize,
        Integer numLayers,
        Integer numHeads,
        Integer numKvHeads,
        Integer intermediateSize,
        Integer vocabSize,
        Integer maxPositionEmbeddings,
        Integer headDim,
        String hiddenAct,
        Double rmsNormEps,
        Double layerNormEps,
        Double ropeTheta,
        Boolean tieWordEmbeddings,
        Map<String, Object> raw) {

    public ArchitectureSpec {
        architectures = architectures == null ? List.of() : List.copyOf(architectures);
        raw = raw == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(raw));
    }
}
