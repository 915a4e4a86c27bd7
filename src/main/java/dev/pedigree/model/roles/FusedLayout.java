package dev.pedigree.model.roles;

import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.Role;
import java.util.List;

/**
 * How the rows (HF orientation, {@code [out, in]}) of a fused projection divide into logical ones.
 * Each layout returns the source row indices of every part, or null when the architecture does not
 * give the head counts it needs.
 */
enum FusedLayout {
    /** GPT-2 {@code c_attn}: q, k, v concatenated, equal thirds (GPT-2 has no grouped kv heads). */
    QKV_THIRDS(List.of(Role.Q, Role.K, Role.V)),
    /**
     * Phi-3 {@code qkv_proj}: q ({@code heads x head_dim} rows), then k and v
     * ({@code kv_heads x head_dim} rows each), concatenated.
     */
    QKV_CONCAT_HEADS(List.of(Role.Q, Role.K, Role.V)),
    /**
     * GPT-NeoX, BLOOM and Falcon {@code query_key_value}: rows viewed as
     * {@code (kv_heads, heads/kv_heads + 2, head_dim)}; in each group the first slots are its query
     * heads, then one key and one value head. With kv_heads = heads this is the per-head interleave
     * {@code (heads, 3, head_dim)} of GPT-NeoX and BLOOM; with kv_heads = 1, Falcon's multi-query
     * layout ({@code heads} query heads, then k, then v).
     */
    QKV_GROUPED_HEADS(List.of(Role.Q, Role.K, Role.V)),
    /** Phi-3 {@code gate_up_proj}: gate rows, then up rows, equal halves. */
    GATE_UP_HALVES(List.of(Role.GATE, Role.UP));

    private final List<Role> parts;

    FusedLayout(List<Role> parts) {
        this.parts = parts;
    }

    List<Role> parts() {
        return parts;
    }

    /** Source rows of each part, in {@link #parts()} order; null when the split cannot be derived. */
    int[][] split(int rows, ArchitectureSpec arch) {
        return switch (this) {
            case QKV_THIRDS -> rows % 3 == 0 ? consecutive(rows / 3, rows / 3, rows / 3) : null;
            case GATE_UP_HALVES -> rows % 2 == 0 ? consecutive(rows / 2, rows / 2) : null;
            case QKV_CONCAT_HEADS -> {
                Heads h = Heads.of(arch);
                yield h == null ? null : consecutive(h.heads * h.headDim, h.kvHeads * h.headDim, h.kvHeads * h.headDim);
            }
            case QKV_GROUPED_HEADS -> {
                Heads h = Heads.of(arch);
                yield h == null || h.heads % h.kvHeads != 0 ? null : grouped(h);
            }
        };
    }

    /** Rows the layout expects from the architecture, to report a mismatch; -1 when unknown. */
    long expectedRows(ArchitectureSpec arch) {
        Heads h = Heads.of(arch);
        if (h == null || (this != QKV_CONCAT_HEADS && this != QKV_GROUPED_HEADS)) {
            return -1;
        }
        return (h.heads + 2L * h.kvHeads) * h.headDim;
    }

    private static int[][] consecutive(int... sizes) {
        int[][] out = new int[sizes.length][];
        int next = 0;
        for (int p = 0; p < sizes.length; p++) {
            out[p] = new int[sizes[p]];
            for (int i = 0; i < sizes[p]; i++) {
                out[p][i] = next++;
            }
        }
        return out;
    }

    private static int[][] grouped(Heads h) {
        int perGroup = h.heads / h.kvHeads;
        int slots = perGroup + 2;
        int[] q = new int[h.heads * h.headDim];
        int[] k = new int[h.kvHeads * h.headDim];
        int[] v = new int[h.kvHeads * h.headDim];
        int qi = 0;
        for (int g = 0; g < h.kvHeads; g++) {
            int groupStart = g * slots * h.headDim;
            for (int s = 0; s < perGroup; s++) {
                for (int d = 0; d < h.headDim; d++) {
                    q[qi++] = groupStart + s * h.headDim + d;
                }
            }
            for (int d = 0; d < h.headDim; d++) {
                k[g * h.headDim + d] = groupStart + perGroup * h.headDim + d;
                v[g * h.headDim + d] = groupStart + (perGroup + 1) * h.headDim + d;
            }
        }
        return new int[][] {q, k, v};
    }

    private record Heads(int heads, int kvHeads, int headDim) {
        static Heads of(ArchitectureSpec arch) {
            if (arch == null || arch.numHeads() == null || arch.numHeads() <= 0) {
                return null;
            }
            int kv = arch.numKvHeads() != null ? arch.numKvHeads() : arch.numHeads();
            Integer headDim = arch.headDim();
            if (headDim == null && arch.hiddenSize() != null && arch.hiddenSize() % arch.numHeads() == 0) {
                headDim = arch.hiddenSize() / arch.numHeads();
            }
            return headDim == null || headDim <= 0 || kv <= 0 ? null : new Heads(arch.numHeads(), kv, headDim);
        }
    }
}
