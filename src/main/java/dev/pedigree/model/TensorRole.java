package dev.pedigree.model;

/**
 * Role and position of a tensor: layer -1 for tensors outside the blocks (embeddings, final norm,
 * head); {@code bias} for the additive part of a linear or norm layer.
 */
public record TensorRole(Role role, int layer, boolean bias) {
    public static final TensorRole UNMAPPED = new TensorRole(Role.OTHER, -1, false);

    public static TensorRole global(Role role) {
        return new TensorRole(role, -1, false);
    }

    public static TensorRole layer(Role role, int layer) {
        return new TensorRole(role, layer, false);
    }

    public TensorRole asBias() {
        return new TensorRole(role, layer, true);
    }

    @Override
    public String toString() {
        return (layer >= 0 ? "layer " + layer + " " : "") + role.label() + (bias ? " bias" : "");
    }
}
