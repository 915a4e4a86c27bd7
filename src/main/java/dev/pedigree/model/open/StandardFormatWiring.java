package dev.pedigree.model.open;

import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.ModelFormat;
import dev.pedigree.model.ModelReader;
import dev.pedigree.model.TensorContainer;
import dev.pedigree.model.gguf.GgufReader;
import dev.pedigree.model.onnx.OnnxReader;
import dev.pedigree.model.roles.TensorRoles;
import dev.pedigree.model.hf.HfConfig;
import dev.pedigree.model.gguf.GgufArchitecture;
import dev.pedigree.model.onnx.OnnxArchitecture;
import dev.pedigree.model.roles.HfTensorRoles;
import dev.pedigree.model.roles.GgufTensorRoles;
import dev.pedigree.model.roles.OnnxTensorRoles;
import dev.pedigree.model.safetensors.SafetensorsReader;
import java.nio.file.Path;
import java.util.List;

/** The product's per-format wiring. */
final class StandardFormatWiring implements FormatWiring {
    @Override
    public ModelReader reader(ModelFormat format) {
        return switch (format) {
            case SAFETENSORS -> new SafetensorsReader();
            case GGUF -> new GgufReader();
            case ONNX -> new OnnxReader();
        };
    }

    @Override
    public ArchitectureSpec architecture(TensorContainer container, Path configJson) {
        if (configJson != null) {
            return HfConfig.read(configJson);
        }
        return switch (container.format()) {
            case SAFETENSORS -> new ArchitectureSpec("none", null, List.of(), null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null);
            case GGUF -> GgufArchitecture.from(container);
            case ONNX -> OnnxArchitecture.from(container);
        };
    }

    @Override
    public TensorRoles roles(ModelFormat format, ArchitectureSpec architecture) {
        return switch (format) {
            case SAFETENSORS -> new HfTensorRoles();
            case GGUF -> new GgufTensorRoles();
            case ONNX -> new OnnxTensorRoles();
        };
    }
}
