package dev.pedigree.model;

/** The on-disk weight formats pedigree reads. */
public enum ModelFormat {
    SAFETENSORS("safetensors"),
    GGUF("gguf"),
    ONNX("onnx");

    private final String label;

    ModelFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
