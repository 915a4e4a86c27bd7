package dev.pedigree.model.onnx;

import java.util.List;
import java.util.Map;

/** The ModelProto and GraphProto fields pedigree reads, as parsed off the wire. */
record OnnxModelProto(long irVersion, String producerName, String producerVersion, Map<String, Long> opsets,
                      Map<String, String> metadata, String graphName, List<OnnxNode> nodes,
                      List<TensorProtoFields> initializers, List<OnnxValueInfo> inputs, List<OnnxValueInfo> outputs) {
}
