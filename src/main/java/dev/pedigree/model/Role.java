package dev.pedigree.model;

/**
 * What a tensor does in a transformer, independent of how an architecture or format names it.
 * Per-layer roles carry a layer index in {@link TensorRole}; global roles use layer -1.
 */
public enum Role {
    EMBEDDING,
    POSITION_EMBEDDING,
    TOKEN_TYPE_EMBEDDING,
    EMBEDDING_NORM,
    LM_HEAD,
    FINAL_NORM,
    ATTN_NORM,
    MLP_NORM,
    Q_NORM,
    K_NORM,
    POST_ATTN_NORM,
    POST_MLP_NORM,
    Q,
    K,
    V,
    O,
    GATE,
    UP,
    DOWN,
    /** Pooler or classifier heads on top of an encoder. */
    POOLER,
    /** Stored but not mapped: kept in listings, ignored by signals. */
    OTHER;

    public boolean isNorm() {
        return switch (this) {
            case EMBEDDING_NORM, FINAL_NORM, ATTN_NORM, MLP_NORM, Q_NORM, K_NORM, POST_ATTN_NORM, POST_MLP_NORM -> true;
            default -> false;
        };
    }

    public boolean isAttention() {
        return this == Q || this == K || this == V || this == O;
    }

    public boolean isMlp() {
        return this == GATE || this == UP || this == DOWN;
    }

    /** Lower-case name as printed in reports: {@code attn_norm}, {@code q}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
