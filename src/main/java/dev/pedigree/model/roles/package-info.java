/**
 * From stored tensor names to roles and layers: explicit per-architecture and per-format maps, and,
 * where none applies (renamed tensors, an unknown {@code model_type}), roles inferred from the
 * structure of the names and the shapes ({@link dev.pedigree.model.roles.StructuralTensorRoles}),
 * always labelled as inferred, with their confidence.
 */
package dev.pedigree.model.roles;
