package dev.pedigree.model.roles;

import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.Role;
import dev.pedigree.model.StoredTensor;
import dev.pedigree.model.TensorContainer;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.TensorRole;
import dev.pedigree.model.TensorView;
import dev.pedigree.model.onnx.GraphUse;
import dev.pedigree.model.onnx.OnnxContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Roles of ONNX weights from the module path torch exporters write into node names
 * ({@code /encoder/layer.3/attention/self/query/MatMul}), found through each tensor's consuming node,
 * or else from the tensor's own dotted name when it kept one ({@code encoder.layer.3...query.bias}).
 * Explicit maps for BERT-style encoders and for HF causal-LM exports (llama family, GPT-2). Linear
 * weights a MatMul stores {@code [in, out]} are transposed to {@code [out, in]}; GPT-2's fused
 * {@code c_attn} is split into q, k and v row blocks.
 */
public final class OnnxTensorRoles implements TensorRoles {
    /** A repeated block in a module path: {@code layer.3}, {@code layers.3}, {@code h.3}. */
    private static final Pattern BLOCK = Pattern.compile("(?:layer|layers|h|block|blocks)\\.(\\d+)");

    /** Per-block modules, keyed by the path after the block segment. */
    private static final Map<String, Role> BLOCK_MODULES = Map.ofEntries(
            Map.entry("attention/self/query", Role.Q),
            Map.entry("attention/self/key", Role.K),
            Map.entry("attention/self/value", Role.V),
            Map.entry("attention/output/dense", Role.O),
            // BERT is post-norm, as in the safetensors map: each LayerNorm follows its residual sum.
            Map.entry("attention/output/LayerNorm", Role.POST_ATTN_NORM),
            Map.entry("intermediate/dense", Role.UP),
            Map.entry("output/dense", Role.DOWN),
            Map.entry("output/LayerNorm", Role.POST_MLP_NORM),
            Map.entry("self_attn/q_proj", Role.Q),
            Map.entry("self_attn/k_proj", Role.K),
            Map.entry("self_attn/v_proj", Role.V),
            Map.entry("self_attn/o_proj", Role.O),
            Map.entry("self_attn/q_norm", Role.Q_NORM),
            Map.entry("self_attn/k_norm", Role.K_NORM),
            Map.entry("mlp/gate_proj", Role.GATE),
            Map.entry("mlp/up_proj", Role.UP),
            Map.entry("mlp/down_proj", Role.DOWN),
            Map.entry("input_layernorm", Role.ATTN_NORM),
            Map.entry("post_attention_layernorm", Role.MLP_NORM),
            Map.entry("ln_1", Role.ATTN_NORM),
            Map.entry("attn/c_proj", Role.O),
            Map.entry("ln_2", Role.MLP_NORM),
            Map.entry("mlp/c_fc", Role.UP),
            Map.entry("mlp/c_proj", Role.DOWN));

    /** GPT-2's fused query/key/value projection, split into three equal row blocks. */
    private static final String FUSED_QKV = "attn/c_attn";

    /** Modules outside the blocks, matched as the end of the module path (wrappers like /bert/ vary). */
    private static final Map<String, Role> GLOBAL_MODULES = Map.ofEntries(
            Map.entry("embeddings/word_embeddings", Role.EMBEDDING),
            Map.entry("embeddings/position_embeddings", Role.POSITION_EMBEDDING),
            Map.entry("embeddings/token_type_embeddings", Role.TOKEN_TYPE_EMBEDDING),
            Map.entry("embeddings/LayerNorm", Role.EMBEDDING_NORM),
            Map.entry("pooler/dense", Role.POOLER),
            Map.entry("model/embed_tokens", Role.EMBEDDING),
            Map.entry("model/norm", Role.FINAL_NORM),
            Map.entry("lm_head", Role.LM_HEAD),
            Map.entry("transformer/wte", Role.EMBEDDING),
            Map.entry("transformer/wpe", Role.POSITION_EMBEDDING),
            Map.entry("transformer/ln_f", Role.FINAL_NORM));

    @Override
    public List<TensorView> map(TensorContainer container, ArchitectureSpec architecture) {
        List<TensorView> views = new ArrayList<>();
        for (StoredTensor s : container.tensors()) {
            Optional<GraphUse> use = container instanceof OnnxContainer onnx ? onnx.graphUse(s.name()) : Optional.empty();
            Module fromGraph = use.isPresent() ? Module.ofNodePath(use.get().nodeName()) : null;
            Module fromName = Module.ofDottedName(s.name());
            Module module = fromGraph != null && fromGraph.known() ? fromGraph : fromName;
            boolean bias = use.map(OnnxTensorRoles::feedsBias).orElse(fromName.lastPart().equals("bias"));
            boolean transposed = s.shape().length == 2 && s.storedInputMajor();
            if (module.fusedQkv()) {
                views.addAll(splitQkv(s, module.layer(), bias, transposed));
                continue;
            }
            TensorRole role = module.role().map(r -> module.layer() >= 0 ? TensorRole.layer(r, module.layer()) : TensorRole.global(r))
                    .orElse(TensorRole.UNMAPPED);
            if (bias && role != TensorRole.UNMAPPED) {
                role = role.asBias();
            }
            views.add(TensorView.whole(new TensorInfo(s.name(), role, s.dtype(), oriented(s.shape(), transposed)), s, transposed));
        }
        return views;
    }

    /** Add nodes add a bias; LayerNormalization and Gemm take theirs as input 2. */
    private static boolean feedsBias(GraphUse use) {
        return switch (use.opType()) {
            case "Add" -> true;
            case "LayerNormalization", "SimplifiedLayerNormalization", "Gemm" -> use.inputIndex() == 2;
            case "SkipLayerNormalization", "SkipSimplifiedLayerNormalization" -> use.inputIndex() == 3;
            default -> false;
        };
    }

    private static List<TensorView> splitQkv(StoredTensor s, int layer, boolean bias, boolean transposed) {
        long[] shape = oriented(s.shape(), transposed);
        if (shape[0] % 3 != 0) {
            return List.of(TensorView.whole(new TensorInfo(s.name(), TensorRole.UNMAPPED, s.dtype(), shape), s, transposed));
        }
        int part = Math.toIntExact(shape[0] / 3);
        Role[] roles = {Role.Q, Role.K, Role.V};
        List<TensorView> views = new ArrayList<>(3);
        for (int p = 0; p < 3; p++) {
            int[] rows = new int[part];
            for (int r = 0; r < part; r++) {
                rows[r] = p * part + r;
            }
            long[] partShape = shape.clone();
            partShape[0] = part;
            TensorRole role = TensorRole.layer(roles[p], layer);
            views.add(new TensorView(new TensorInfo(s.name() + "[" + roles[p].label() + "]", bias ? role.asBias() : role,
                    s.dtype(), partShape), s, transposed, rows));
        }
        return views;
    }

    private static long[] oriented(long[] shape, boolean transposed) {
        return transposed ? new long[] {shape[1], shape[0]} : shape;
    }

    /** A module path split into the block index and the path around it. */
    private record Module(List<String> parts, int layer, String inBlock, String lastPart) {
        static Module ofNodePath(String nodePath) {
            List<String> parts = new ArrayList<>(List.of(nodePath.replaceFirst("^/", "").split("/")));
            String last = parts.isEmpty() ? "" : parts.removeLast();
            return of(parts, last);
        }

        /** {@code encoder.layer.3.attention.self.query.bias}: numbers join the segment before them. */
        static Module ofDottedName(String name) {
            List<String> parts = new ArrayList<>();
            for (String p : name.split("\\.")) {
                if (!parts.isEmpty() && p.matches("\\d+")) {
                    parts.set(parts.size() - 1, parts.getLast() + "." + p);
                } else {
                    parts.add(p);
                }
            }
            String last = parts.isEmpty() ? "" : parts.removeLast();
            return of(parts, last);
        }

        private static Module of(List<String> parts, String last) {
            for (int i = 0; i < parts.size(); i++) {
                Matcher m = BLOCK.matcher(parts.get(i));
                if (m.matches()) {
                    return new Module(parts, Integer.parseInt(m.group(1)), String.join("/", parts.subList(i + 1, parts.size())), last);
                }
            }
            return new Module(parts, -1, null, last);
        }

        boolean fusedQkv() {
            return layer >= 0 && FUSED_QKV.equals(inBlock);
        }

        Optional<Role> role() {
            if (layer >= 0) {
                return Optional.ofNullable(BLOCK_MODULES.get(inBlock));
            }
            String path = "/" + String.join("/", parts);
            for (Map.Entry<String, Role> e : GLOBAL_MODULES.entrySet()) {
                if (path.endsWith("/" + e.getKey())) {
                    return Optional.of(e.getValue());
                }
            }
            return Optional.empty();
        }

        boolean known() {
            return role().isPresent() || fusedQkv();
        }
    }
}
