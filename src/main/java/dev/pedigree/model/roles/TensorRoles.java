package dev.pedigree.model.roles;

import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.RoleAssignment;
import dev.pedigree.model.TensorContainer;
import dev.pedigree.model.TensorView;
import java.util.List;

/**
 * Maps a container's stored tensors to logical tensors with roles, in HF orientation: one explicit
 * map per architecture (llama, mistral, qwen2, ...) or per format naming scheme (GGUF {@code blk.N},
 * ONNX node paths), never substring guessing. Unmapped tensors are kept with role OTHER. Where no
 * explicit map applies, {@link StructuralTensorRoles} may infer roles from structure, and says so.
 */
public interface TensorRoles {
    List<TensorView> map(TensorContainer container, ArchitectureSpec architecture);

    /** The views with an account of where their roles came from; an explicit map's roles come from its naming table. */
    default RoleMap assign(TensorContainer container, ArchitectureSpec architecture) {
        return new RoleMap(map(container, architecture), RoleAssignment.namingTable(architecture == null ? null : architecture.modelType()));
    }
}
