package dev.pedigree.model.roles;

import dev.pedigree.model.RoleAssignment;
import dev.pedigree.model.TensorView;
import java.util.List;

/** A container's logical tensors with roles, and how those roles were found. */
public record RoleMap(List<TensorView> views, RoleAssignment assignment) {
    public RoleMap {
        views = List.copyOf(views);
    }
}
