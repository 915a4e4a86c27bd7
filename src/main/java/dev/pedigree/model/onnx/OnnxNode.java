package dev.pedigree.model.onnx;

import java.util.List;
import java.util.Map;

/** One NodeProto: its name (which carries the module path in torch exports), operator and edges. */
record OnnxNode(String name, String opType, String domain, List<String> inputs, List<String> outputs,
                Map<String, OnnxAttribute> attributes) {

    /** Input slot {@code i}, or "" when absent (ONNX marks skipped optional inputs with ""). */
    String input(int i) {
        return i < inputs.size() ? inputs.get(i) : "";
    }

    long intAttribute(String attribute, long fallback) {
        OnnxAttribute a = attributes.get(attribute);
        return a == null ? fallback : a.i();
    }
}
