package dev.pedigree.fingerprint;

/**
 * Statistics of one weight matrix that no permutation of its rows or columns changes.
 *
 * @param layer           layer index
 * @param role            role label (q, k, v, o, gate, up, down)
 * @param rows            rows in HF orientation [out, in]
 * @param cols            columns
 * @param rowNormQuantiles quantiles of the row L2 norms at {@link WeightSketch#QUANTILES}
 * @param singularValues  the largest singular values, descending ({@link TopSingularValues}); empty except
 *                        in the first layer of each depth quarter, to bound extraction time
 * @param moments         mean, standard deviation, skewness and excess kurtosis of all elements
 */
public record LayerSketch(int layer, String role, int rows, int cols, float[] rowNormQuantiles, float[] singularValues,
        float[] moments) {
}
