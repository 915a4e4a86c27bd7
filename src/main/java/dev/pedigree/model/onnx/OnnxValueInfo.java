package dev.pedigree.model.onnx;

import java.util.List;

/** A graph input or output: its name, element type id and dims (-1 where symbolic or unknown). */
record OnnxValueInfo(String name, int elemType, List<Long> dims) {
}
