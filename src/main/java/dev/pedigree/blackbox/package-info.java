/**
 * Black-box access to models: {@link dev.pedigree.blackbox.QueryableModel} and its two kinds
 * ({@link dev.pedigree.blackbox.CausalLanguageModel}, {@link dev.pedigree.blackbox.TextEmbedder}),
 * the cached queries distances make ({@link dev.pedigree.blackbox.ModelQueries}), and the distance
 * matrix the MPS engine reads ({@link dev.pedigree.blackbox.DistanceMatrixBuilder}). Backends live in
 * {@code onnx} (in process) and {@code http} (OpenAI-compatible servers); distances in
 * {@code distance}; the output cache in {@code cache}; prompt sets in {@code prompts}.
 */
package dev.pedigree.blackbox;
