package dev.pedigree.model.roles;

import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.TensorContainer;
import dev.pedigree.model.TensorView;
import java.util.List;

/**
 * Maps a container's stored tensors to logical tensors with roles, in HF orientation: one explicit
 * map per architecture (llama, mistral, qwen2, ...) or per format naming scheme (GGUF {@code blk.N},
 * ONNX node paths), never substring guessing. Unmapped tensors are kept with role OTHER.
 */
public interface TensorRoles {
    List<TensorView> map(TensorContainer container, ArchitectureSpec architecture);
}
