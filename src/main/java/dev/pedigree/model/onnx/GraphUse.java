package dev.pedigree.model.onnx;

/**
 * The node that really consumes a weight, after following pass-through nodes (Transpose, Cast,
 * DequantizeLinear, Identity) from the initialiser: its name carries the module path of torch exports
 * ({@code /encoder/layer.3/attention/self/query/MatMul}).
 *
 * @param inputIndex which input of that node the weight feeds
 * @param inputMajor the stored 2-D tensor is {@code [in, out]}: the B input of MatMul (or Gemm with
 *                   transB = 0), counting any 2-D transposes passed on the way
 */
public record GraphUse(String nodeName, String opType, int inputIndex, boolean inputMajor) {
}
