package dev.pedigree.model.onnx;

/**
 * The parts of an AttributeProto pedigree uses: scalar int/float/string, an int list, and a tensor
 * (Constant nodes' {@code value}). Sub-graphs are skipped.
 */
record OnnxAttribute(String name, long i, float f, String s, long[] ints, TensorProtoFields t) {
}
