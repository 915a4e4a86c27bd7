package dev.pedigree.model.roles;

import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.ModelFormatException;
import dev.pedigree.model.Role;
import dev.pedigree.model.StoredTensor;
import dev.pedigree.model.TensorContainer;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.TensorRole;
import dev.pedigree.model.TensorView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Roles of GGUF tensors, named by llama.cpp's scheme whatever the architecture: {@code token_embd},
 * {@code output_norm}, {@code output}, {@code blk.N.<part>.{weight,bias}}. Shapes are already in HF
 * orientation (the reader reversed ggml's dims).
 *
 * <p>Two conversions undo what llama.cpp's converter did:
 * <ul>
 *   <li>For the architectures in {@link #ROPE_PERMUTED}, the converter reordered the rows of q and k
 *       (and their biases) for its RoPE kernel: rows viewed as (heads, 2, head_dim/2) with the inner
 *       axes swapped. The view selects rows so q and k come out in HF order again (head_count heads
 *       for q, head_count_kv for k). Architectures that use NeoX-style RoPE (qwen2, gemma, phi3, ...)
 *       were stored unpermuted.
 *   <li>A fused {@code attn_qkv} (phi3, gpt2, gpt-neox, bloom, falcon) is stored as q rows, then k,
 *       then v (the converter already de-interleaved per-head layouts) and is split into three views.
 * </ul>
 * Expert tensors ({@code ffn_*_exps}) and anything else unknown are kept with role OTHER.
 */
public final class GgufTensorRoles implements TensorRoles {
    /**
     * GGUF architectures whose converter class applies llama.cpp's {@code LlamaModel.permute} to
     * q_proj and k_proj: LlamaModel and the classes that reuse it.
     */
    public static final Set<String> ROPE_PERMUTED = Set.of("llama", "mistral", "granite", "granitemoe",
            "deci", "arctic", "minicpm");

    private static final Map<String, Role> GLOBAL = Map.of(
            "token_embd", Role.EMBEDDING,
            "token_embd_norm", Role.EMBEDDING_NORM,
            "position_embd", Role.POSITION_EMBEDDING,
            "token_types", Role.TOKEN_TYPE_EMBEDDING,
            "output_norm", Role.FINAL_NORM,
            "output", Role.LM_HEAD);

    private static final Map<String, Role> BLOCK = Map.ofEntries(
            Map.entry("attn_norm", Role.ATTN_NORM),
            Map.entry("attn_q", Role.Q),
            Map.entry("attn_k", Role.K),
            Map.entry("attn_v", Role.V),
            Map.entry("attn_output", Role.O),
            Map.entry("attn_q_norm", Role.Q_NORM),
            Map.entry("attn_k_norm", Role.K_NORM),
            Map.entry("post_attention_norm", Role.POST_ATTN_NORM),
            Map.entry("ffn_norm", Role.MLP_NORM),
            Map.entry("ffn_gate", Role.GATE),
            Map.entry("ffn_up", Role.UP),
            Map.entry("ffn_down", Role.DOWN),
            Map.entry("post_ffw_norm", Role.POST_MLP_NORM));

    private static final String FUSED_QKV = "attn_qkv";

    @Override
    public List<TensorView> map(TensorContainer container, ArchitectureSpec architecture) {
        boolean permuted = architecture != null && architecture.modelType() != null
                && ROPE_PERMUTED.contains(architecture.modelType());
        List<TensorView> views = new ArrayList<>();
        for (StoredTensor s : container.tensors()) {
            Name name = Name.parse(s.name());
            if (name == null) {
                views.add(TensorView.whole(info(s, s.name(), TensorRole.UNMAPPED), s, false));
                continue;
            }
            if (name.layer >= 0 && name.part.equals(FUSED_QKV)) {
                views.addAll(splitQkv(container, architecture, s, name));
                continue;
            }
            Role role = name.layer < 0 ? GLOBAL.get(name.part) : BLOCK.get(name.part);
            if (role == null) {
                views.add(TensorView.whole(info(s, s.name(), TensorRole.UNMAPPED), s, false));
                continue;
            }
            TensorRole tensorRole = name.layer < 0 ? TensorRole.global(role) : TensorRole.layer(role, name.layer);
            if (name.bias) {
                tensorRole = tensorRole.asBias();
            }
            int[] rows = null;
            if (permuted && (role == Role.Q || role == Role.K)) {
                Integer heads = role == Role.Q ? architecture.numHeads() : architecture.numKvHeads();
                rows = ropeUnpermutation(container, s, heads);
            }
            views.add(new TensorView(info(s, s.name(), tensorRole), s, false, rows));
        }
        return views;
    }

    /**
     * Row selection undoing {@code LlamaModel.permute}: the stored row {@code h*hd + 2i + j} holds HF
     * row {@code h*hd + j*(hd/2) + i} (head h, half j, i below hd/2).
     */
    static int[] ropeUnpermutation(TensorContainer container, StoredTensor s, Integer heads) {
        long rows = s.shape().length == 0 ? 1 : s.shape()[0];
        if (heads == null || heads <= 0 || rows % heads != 0 || (rows / heads) % 2 != 0 || rows > Integer.MAX_VALUE) {
            throw new ModelFormatException(container.file(), "cannot undo the RoPE row permutation of " + s.name()
                    + ": " + rows + " rows do not split into " + heads + " heads of even size");
        }
        int headDim = (int) (rows / heads);
        int half = headDim / 2;
        int[] source = new int[(int) rows];
        for (int r = 0; r < rows; r++) {
            int head = r / headDim;
            int within = r % headDim;
            int j = within / half;
            int i = within % half;
            source[r] = head * headDim + 2 * i + j;
        }
        return source;
    }

    private static List<TensorView> splitQkv(TensorContainer container, ArchitectureSpec arch, StoredTensor s, Name name) {
        long rows = s.shape().length == 0 ? 1 : s.shape()[0];
        Integer heads = arch == null ? null : arch.numHeads();
        Integer kvHeads = arch == null ? null : arch.numKvHeads();
        Integer hidden = arch == null ? null : arch.hiddenSize();
        Integer headDim = arch == null ? null : arch.headDim();
        if (headDim == null && hidden != null && heads != null && heads > 0) {
            headDim = hidden / heads;
        }
        if (heads == null || kvHeads == null || headDim == null
                || rows != (heads + 2L * kvHeads) * headDim) {
            throw new ModelFormatException(container.file(), "cannot split fused " + s.name() + " of " + rows
                    + " rows into q, k, v with " + heads + " heads, " + kvHeads + " kv heads of size " + headDim);
        }
        int q = heads * headDim;
        int kv = kvHeads * headDim;
        return List.of(
                slice(s, name, Role.Q, "q", 0, q),
                slice(s, name, Role.K, "k", q, kv),
                slice(s, name, Role.V, "v", q + kv, kv));
    }

    private static TensorView slice(StoredTensor s, Name name, Role role, String suffix, int first, int count) {
        TensorRole tensorRole = TensorRole.layer(role, name.layer);
        if (name.bias) {
            tensorRole = tensorRole.asBias();
        }
        long[] shape = s.shape();
        shape[0] = count;
        int[] rows = new int[count];
        for (int r = 0; r < count; r++) {
            rows[r] = first + r;
        }
        return new TensorView(new TensorInfo(s.name() + "[" + suffix + "]", tensorRole, s.dtype(), shape), s, false, rows);
    }

    private static TensorInfo info(StoredTensor s, String name, TensorRole role) {
        return new TensorInfo(name, role, s.dtype(), s.shape());
    }

    /** {@code blk.N.part.weight}, {@code blk.N.part.bias}, {@code part.weight}, {@code part.bias}. */
    private record Name(int layer, String part, boolean bias) {
        static Name parse(String stored) {
            boolean bias;
            String stem;
            if (stored.endsWith(".weight")) {
                bias = false;
                stem = stored.substring(0, stored.length() - ".weight".length());
            } else if (stored.endsWith(".bias")) {
                bias = true;
                stem = stored.substring(0, stored.length() - ".bias".length());
            } else {
                return null;
            }
            if (!stem.startsWith("blk.")) {
                return stem.contains(".") ? null : new Name(-1, stem, bias);
            }
            int dot = stem.indexOf('.', 4);
            if (dot < 0) {
                return null;
            }
            String number = stem.substring(4, dot);
            if (number.isEmpty() || number.length() > 6 || !number.chars().allMatch(Character::isDigit)) {
                return null;
            }
            return new Name(Integer.parseInt(number), stem.substring(dot + 1), bias);
        }
    }
}
