package dev.pedigree.model.open;

import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.ModelFormat;
import dev.pedigree.model.ModelReader;
import dev.pedigree.model.TensorContainer;
import dev.pedigree.model.roles.TensorRoles;
import java.nio.file.Path;

/**
 * Which reader, architecture source and role map serve each weight format: the one place that
 * knows the per-format classes. {@link #standard()} is the product's wiring; tests pass their own.
 */
public interface FormatWiring {
    ModelReader reader(ModelFormat format);

    /**
     * The model's architecture: from {@code configJson} when the model directory has one (null
     * otherwise), else from the container (GGUF metadata, ONNX graph).
     */
    ArchitectureSpec architecture(TensorContainer container, Path configJson);

    TensorRoles roles(ModelFormat format, ArchitectureSpec architecture);

    static FormatWiring standard() {
        return new StandardFormatWiring();
    }
}
