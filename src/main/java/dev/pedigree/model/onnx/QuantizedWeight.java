package dev.pedigree.model.onnx;

/**
 * A quantised weight found in the graph: the integer tensor, its scale and zero point (zero point may
 * be null: zero), the axis the scales run along (-1: one scale for the whole tensor), and which scheme
 * produced it ({@code dynamic} for onnxruntime's dynamic quantisation, {@code qdq} for
 * DequantizeLinear fed by a constant).
 */
record QuantizedWeight(String quantized, String scale, String zeroPoint, int axis, String scheme) {
}
