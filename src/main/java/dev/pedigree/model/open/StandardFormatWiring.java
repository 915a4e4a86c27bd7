package dev.pedigree.model.open;

import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.ModelFormat;
import dev.pedigree.model.ModelReader;
import dev.pedigree.model.TensorContainer;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.TensorRole;
import dev.pedigree.model.TensorView;
import dev.pedigree.model.gguf.GgufReader;
import dev.pedigree.model.onnx.OnnxReader;
import dev.pedigree.model.roles.TensorRoles;
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
        // LEAD: when model.hf.HfConfig lands: if (configJson != null) return HfConfig.read(configJson);
        // LEAD: when model.gguf.GgufArchitecture / model.onnx.OnnxArchitecture land, replace the switch arms:
        //   case GGUF -> GgufArchitecture.from(container);  case ONNX -> OnnxArchitecture.from(container);
        String source = configJson != null ? "config.json" : switch (container.format()) {
            case SAFETENSORS -> "none";
            case GGUF -> "gguf";
            case ONNX -> "onnx-graph";
        };
        return new ArchitectureSpec(source, null, List.of(), null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    @Override
    public TensorRoles roles(ModelFormat format, ArchitectureSpec architecture) {
        // LEAD: when the role maps land, replace with:
        //   case SAFETENSORS -> new HfTensorRoles();  case GGUF -> new GgufTensorRoles();  case ONNX -> new OnnxTensorRoles();
        return StandardFormatWiring::unmapped;
    }

    /** Every stored tensor as itself with role OTHER, in file order. */
    private static List<TensorView> unmapped(TensorContainer container, ArchitectureSpec architecture) {
        return container.tensors().stream()
                .map(t -> TensorView.whole(new TensorInfo(t.name(), TensorRole.UNMAPPED, t.dtype(),
                        t.storedInputMajor() && t.shape().length == 2 ? new long[] {t.shape()[1], t.shape()[0]} : t.shape()),
                        t, t.storedInputMajor() && t.shape().length == 2))
                .toList();
    }
}
