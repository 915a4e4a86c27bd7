package dev.pedigree.model.roles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.ModelFormatException;
import dev.pedigree.model.Role;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.TensorRole;
import dev.pedigree.model.TensorStore;
import dev.pedigree.model.hf.HfConfig;
import dev.pedigree.model.safetensors.SafetensorsReader;
import dev.pedigree.model.safetensors.SafetensorsTestFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Role maps per architecture over synthetic safetensors files with each family's real tensor names
 * and tiny shapes. Every stored element is distinct (tensor number x 10000 + flat index), so a read
 * through the view shows exactly which stored elements it picked.
 */
class HfTensorRolesTest {
    @TempDir
    Path dir;

    private final Map<String, long[]> tensors = new LinkedHashMap<>();
    private final Map<String, Integer> ids = new LinkedHashMap<>();

    private void tensor(String name, long... shape) {
        ids.put(name, ids.size() + 1);
        tensors.put(name, shape);
    }

    /** The stored value at a flat index of a tensor written by {@link #open}. */
    private float stored(String name, long flat) {
        return ids.get(name) * 10000f + flat;
    }

    private TensorStore open(String configJson) throws IOException {
        SafetensorsTestFile f = new SafetensorsTestFile();
        for (Map.Entry<String, long[]> e : tensors.entrySet()) {
            long n = 1;
            for (long d : e.getValue()) {
                n *= d;
            }
            float[] values = new float[(int) n];
            for (int i = 0; i < n; i++) {
                values[i] = stored(e.getKey(), i);
            }
            f.addF32(e.getKey(), e.getValue(), values);
        }
        Path model = f.write(dir.resolve("model.safetensors"));
        ArchitectureSpec arch = HfConfig.read(Files.writeString(dir.resolve("config.json"), configJson));
        var container = new SafetensorsReader().open(model);
        return new TensorStore(container, new HfTensorRoles().map(container, arch));
    }

    private static TensorRole role(TensorStore s, String name) {
        return s.byName(name).orElseThrow(() -> new AssertionError("no view " + name)).role();
    }

    private static void assertRole(TensorStore s, String name, Role role, int layer, boolean bias) {
        assertEquals(new TensorRole(role, layer, bias), role(s, name), name);
    }

    @Test
    void llama() throws IOException {
        tensor("model.embed_tokens.weight", 10, 4);
        for (int l = 0; l < 2; l++) {
            String p = "model.layers." + l + ".";
            tensor(p + "input_layernorm.weight", 4);
            tensor(p + "self_attn.q_proj.weight", 4, 4);
            tensor(p + "self_attn.k_proj.weight", 2, 4);
            tensor(p + "self_attn.v_proj.weight", 2, 4);
            tensor(p + "self_attn.o_proj.weight", 4, 4);
            tensor(p + "post_attention_layernorm.weight", 4);
            tensor(p + "mlp.gate_proj.weight", 6, 4);
            tensor(p + "mlp.up_proj.weight", 6, 4);
            tensor(p + "mlp.down_proj.weight", 4, 6);
            tensor(p + "self_attn.rotary_emb.inv_freq", 1);
        }
        tensor("model.norm.weight", 4);
        tensor("lm_head.weight", 10, 4);
        try (TensorStore s = open("{\"model_type\": \"llama\", \"hidden_size\": 4, \"num_attention_heads\": 2,"
                + " \"num_key_value_heads\": 1, \"num_hidden_layers\": 2}")) {
            assertRole(s, "model.embed_tokens.weight", Role.EMBEDDING, -1, false);
            assertRole(s, "model.norm.weight", Role.FINAL_NORM, -1, false);
            assertRole(s, "lm_head.weight", Role.LM_HEAD, -1, false);
            assertRole(s, "model.layers.1.input_layernorm.weight", Role.ATTN_NORM, 1, false);
            assertRole(s, "model.layers.1.post_attention_layernorm.weight", Role.MLP_NORM, 1, false);
            assertRole(s, "model.layers.0.self_attn.q_proj.weight", Role.Q, 0, false);
            assertRole(s, "model.layers.0.self_attn.k_proj.weight", Role.K, 0, false);
            assertRole(s, "model.layers.0.self_attn.v_proj.weight", Role.V, 0, false);
            assertRole(s, "model.layers.1.self_attn.o_proj.weight", Role.O, 1, false);
            assertRole(s, "model.layers.1.mlp.gate_proj.weight", Role.GATE, 1, false);
            assertRole(s, "model.layers.1.mlp.up_proj.weight", Role.UP, 1, false);
            assertRole(s, "model.layers.1.mlp.down_proj.weight", Role.DOWN, 1, false);
            assertEquals(TensorRole.UNMAPPED, role(s, "model.layers.0.self_attn.rotary_emb.inv_freq"));
            assertEquals(2, s.layerCount());
            assertEquals(tensors.size(), s.tensors().size());
            TensorInfo down = s.find(Role.DOWN, 1).orElseThrow();
            assertArrayEquals(new long[] {4, 6}, down.shape());
            float[] values = s.read(down);
            for (int i = 0; i < values.length; i++) {
                assertEquals(stored(down.name(), i), values[i]);
            }
        }
    }

    @Test
    void mistralAndQwen2ShareLlamaNamesWithBiases() throws IOException {
        tensor("model.layers.0.self_attn.q_proj.weight", 4, 4);
        tensor("model.layers.0.self_attn.q_proj.bias", 4);
        tensor("model.layers.0.self_attn.v_proj.bias", 2);
        try (TensorStore s = open("{\"model_type\": \"qwen2\", \"hidden_size\": 4, \"num_attention_heads\": 2}")) {
            assertRole(s, "model.layers.0.self_attn.q_proj.bias", Role.Q, 0, true);
            assertRole(s, "model.layers.0.self_attn.v_proj.bias", Role.V, 0, true);
        }
        try (TensorStore s = open("{\"model_type\": \"mistral\"}")) {
            assertRole(s, "model.layers.0.self_attn.q_proj.weight", Role.Q, 0, false);
        }
    }

    @Test
    void qwen3QueryAndKeyNorms() throws IOException {
        tensor("model.layers.3.self_attn.q_norm.weight", 2);
        tensor("model.layers.3.self_attn.k_norm.weight", 2);
        try (TensorStore s = open("{\"model_type\": \"qwen3\"}")) {
            assertRole(s, "model.layers.3.self_attn.q_norm.weight", Role.Q_NORM, 3, false);
            assertRole(s, "model.layers.3.self_attn.k_norm.weight", Role.K_NORM, 3, false);
        }
        try (TensorStore s = open("{\"model_type\": \"llama\"}")) {
            assertEquals(TensorRole.UNMAPPED, role(s, "model.layers.3.self_attn.q_norm.weight"));
        }
    }

    @Test
    void gemmaFamiliesNameTheirNormsDifferently() throws IOException {
        tensor("model.layers.0.post_attention_layernorm.weight", 4);
        tensor("model.layers.0.pre_feedforward_layernorm.weight", 4);
        tensor("model.layers.0.post_feedforward_layernorm.weight", 4);
        try (TensorStore s = open("{\"model_type\": \"gemma\"}")) {
            assertRole(s, "model.layers.0.post_attention_layernorm.weight", Role.MLP_NORM, 0, false);
            assertEquals(TensorRole.UNMAPPED, role(s, "model.layers.0.pre_feedforward_layernorm.weight"));
        }
        try (TensorStore s = open("{\"model_type\": \"gemma2\"}")) {
            assertRole(s, "model.layers.0.post_attention_layernorm.weight", Role.POST_ATTN_NORM, 0, false);
            assertRole(s, "model.layers.0.pre_feedforward_layernorm.weight", Role.MLP_NORM, 0, false);
            assertRole(s, "model.layers.0.post_feedforward_layernorm.weight", Role.POST_MLP_NORM, 0, false);
        }
    }

    @Test
    void gemma3MultimodalCheckpointMapsItsLanguageModelOnly() throws IOException {
        tensor("language_model.model.embed_tokens.weight", 8, 4);
        tensor("language_model.model.layers.0.self_attn.q_norm.weight", 2);
        tensor("language_model.model.layers.0.pre_feedforward_layernorm.weight", 4);
        tensor("model.language_model.layers.1.self_attn.k_norm.weight", 2);
        tensor("vision_tower.vision_model.encoder.layers.0.self_attn.q_proj.weight", 4, 4);
        tensor("multi_modal_projector.mm_input_projection_weight", 4, 4);
        try (TensorStore s = open("{\"model_type\": \"gemma3\", \"text_config\": {\"model_type\": \"gemma3_text\","
                + " \"hidden_size\": 4, \"num_attention_heads\": 2, \"head_dim\": 2}}")) {
            assertRole(s, "language_model.model.embed_tokens.weight", Role.EMBEDDING, -1, false);
            assertRole(s, "language_model.model.layers.0.self_attn.q_norm.weight", Role.Q_NORM, 0, false);
            assertRole(s, "language_model.model.layers.0.pre_feedforward_layernorm.weight", Role.MLP_NORM, 0, false);
            assertRole(s, "model.language_model.layers.1.self_attn.k_norm.weight", Role.K_NORM, 1, false);
            assertEquals(TensorRole.UNMAPPED, role(s, "vision_tower.vision_model.encoder.layers.0.self_attn.q_proj.weight"));
            assertEquals(TensorRole.UNMAPPED, role(s, "multi_modal_projector.mm_input_projection_weight"));
        }
    }

    @Test
    void phi3SplitsFusedQkvByHeadsAndGateUpByHalves() throws IOException {
        // 4 query heads, 2 kv heads, head size 2: q 8 rows, k 4, v 4.
        tensor("model.layers.0.self_attn.qkv_proj.weight", 16, 8);
        tensor("model.layers.0.mlp.gate_up_proj.weight", 12, 8);
        tensor("model.layers.0.self_attn.o_proj.weight", 8, 8);
        try (TensorStore s = open("{\"model_type\": \"phi3\", \"hidden_size\": 8, \"num_attention_heads\": 4,"
                + " \"num_key_value_heads\": 2, \"intermediate_size\": 6}")) {
            String qkv = "model.layers.0.self_attn.qkv_proj.weight";
            assertSlice(s, qkv + "[q]", qkv, Role.Q, 0, range(0, 8), 8, false);
            assertSlice(s, qkv + "[k]", qkv, Role.K, 0, range(8, 12), 8, false);
            assertSlice(s, qkv + "[v]", qkv, Role.V, 0, range(12, 16), 8, false);
            String gu = "model.layers.0.mlp.gate_up_proj.weight";
            assertSlice(s, gu + "[gate]", gu, Role.GATE, 0, range(0, 6), 8, false);
            assertSlice(s, gu + "[up]", gu, Role.UP, 0, range(6, 12), 8, false);
            assertTrue(s.byName(qkv).isEmpty());
        }
    }

    @Test
    void gpt2TransposesConv1dAndSplitsCAttn() throws IOException {
        int h = 4;
        tensor("transformer.wte.weight", 10, h);
        tensor("transformer.wpe.weight", 6, h);
        tensor("transformer.h.0.ln_1.weight", h);
        tensor("transformer.h.0.ln_1.bias", h);
        tensor("transformer.h.0.attn.bias", 1, 1, 6, 6);
        tensor("transformer.h.0.attn.c_attn.weight", h, 3 * h);
        tensor("transformer.h.0.attn.c_attn.bias", 3 * h);
        tensor("transformer.h.0.attn.c_proj.weight", h, h);
        tensor("transformer.h.0.mlp.c_fc.weight", h, 4 * h);
        tensor("transformer.h.0.mlp.c_proj.weight", 4 * h, h);
        tensor("transformer.ln_f.bias", h);
        try (TensorStore s = open("{\"model_type\": \"gpt2\", \"n_embd\": 4, \"n_head\": 2, \"n_layer\": 1}")) {
            assertRole(s, "transformer.wte.weight", Role.EMBEDDING, -1, false);
            assertRole(s, "transformer.wpe.weight", Role.POSITION_EMBEDDING, -1, false);
            assertRole(s, "transformer.ln_f.bias", Role.FINAL_NORM, -1, true);
            assertRole(s, "transformer.h.0.ln_1.bias", Role.ATTN_NORM, 0, true);
            assertEquals(TensorRole.UNMAPPED, role(s, "transformer.h.0.attn.bias"));
            String c = "transformer.h.0.attn.c_attn.weight";
            assertSlice(s, c + "[q]", c, Role.Q, 0, range(0, h), h, true);
            assertSlice(s, c + "[k]", c, Role.K, 0, range(h, 2 * h), h, true);
            assertSlice(s, c + "[v]", c, Role.V, 0, range(2 * h, 3 * h), h, true);
            String b = "transformer.h.0.attn.c_attn.bias";
            assertRole(s, b + "[k]", Role.K, 0, true);
            assertArrayEquals(new float[] {stored(b, 4), stored(b, 5), stored(b, 6), stored(b, 7)},
                    s.read(s.byName(b + "[k]").orElseThrow()));
            // Conv1D [in, out] read as [out, in]: element (r, c) is stored at (c, r).
            TensorInfo fc = s.byName("transformer.h.0.mlp.c_fc.weight").orElseThrow();
            assertEquals(new TensorRole(Role.UP, 0, false), fc.role());
            assertArrayEquals(new long[] {4 * h, h}, fc.shape());
            float[] up = s.read(fc);
            for (int r = 0; r < 4 * h; r++) {
                for (int col = 0; col < h; col++) {
                    assertEquals(stored(fc.name(), (long) col * 4 * h + r), up[r * h + col]);
                }
            }
            assertArrayEquals(new long[] {h, 4 * h}, s.find(Role.DOWN, 0).orElseThrow().shape());
            assertEquals("transformer.h.0.attn.c_proj.weight", s.find(Role.O, 0).orElseThrow().name());
        }
    }

    @Test
    void gpt2WithoutPrefix() throws IOException {
        tensor("h.0.attn.c_attn.weight", 2, 6);
        tensor("wte.weight", 5, 2);
        try (TensorStore s = open("{\"model_type\": \"gpt2\", \"n_embd\": 2, \"n_head\": 1}")) {
            assertRole(s, "wte.weight", Role.EMBEDDING, -1, false);
            assertArrayEquals(new long[] {2, 2}, s.byName("h.0.attn.c_attn.weight[v]").orElseThrow().shape());
        }
    }

    @Test
    void gptNeoxQkvIsInterleavedPerHead() throws IOException {
        // 2 heads of size 2: rows (head, [q k v], d).
        tensor("gpt_neox.embed_in.weight", 10, 4);
        tensor("gpt_neox.layers.0.attention.query_key_value.weight", 12, 4);
        tensor("gpt_neox.layers.0.attention.query_key_value.bias", 12);
        tensor("gpt_neox.layers.0.attention.dense.weight", 4, 4);
        tensor("gpt_neox.layers.0.mlp.dense_h_to_4h.weight", 16, 4);
        tensor("gpt_neox.layers.0.mlp.dense_4h_to_h.bias", 4);
        tensor("gpt_neox.layers.0.attention.rotary_emb.inv_freq", 1);
        tensor("gpt_neox.final_layer_norm.weight", 4);
        tensor("embed_out.weight", 10, 4);
        try (TensorStore s = open("{\"model_type\": \"gpt_neox\", \"hidden_size\": 4, \"num_attention_heads\": 2,"
                + " \"num_hidden_layers\": 1, \"intermediate_size\": 16}")) {
            String qkv = "gpt_neox.layers.0.attention.query_key_value.weight";
            assertSlice(s, qkv + "[q]", qkv, Role.Q, 0, new int[] {0, 1, 6, 7}, 4, false);
            assertSlice(s, qkv + "[k]", qkv, Role.K, 0, new int[] {2, 3, 8, 9}, 4, false);
            assertSlice(s, qkv + "[v]", qkv, Role.V, 0, new int[] {4, 5, 10, 11}, 4, false);
            String bias = "gpt_neox.layers.0.attention.query_key_value.bias";
            assertSlice(s, bias + "[v]", bias, Role.V, 0, new int[] {4, 5, 10, 11}, 1, false);
            assertRole(s, bias + "[v]", Role.V, 0, true);
            assertRole(s, "gpt_neox.embed_in.weight", Role.EMBEDDING, -1, false);
            assertRole(s, "embed_out.weight", Role.LM_HEAD, -1, false);
            assertRole(s, "gpt_neox.final_layer_norm.weight", Role.FINAL_NORM, -1, false);
            assertRole(s, "gpt_neox.layers.0.attention.dense.weight", Role.O, 0, false);
            assertRole(s, "gpt_neox.layers.0.mlp.dense_h_to_4h.weight", Role.UP, 0, false);
            assertRole(s, "gpt_neox.layers.0.mlp.dense_4h_to_h.bias", Role.DOWN, 0, true);
            assertEquals(TensorRole.UNMAPPED, role(s, "gpt_neox.layers.0.attention.rotary_emb.inv_freq"));
        }
    }

    @Test
    void bloomWithoutPrefixIsInterleavedLikeNeox() throws IOException {
        tensor("word_embeddings.weight", 10, 4);
        tensor("word_embeddings_layernorm.weight", 4);
        tensor("h.0.input_layernorm.weight", 4);
        tensor("h.0.self_attention.query_key_value.weight", 12, 4);
        tensor("h.0.self_attention.dense.weight", 4, 4);
        tensor("h.0.post_attention_layernorm.bias", 4);
        tensor("h.0.mlp.dense_4h_to_h.weight", 4, 16);
        tensor("ln_f.weight", 4);
        try (TensorStore s = open("{\"model_type\": \"bloom\", \"n_embed\": 4, \"n_head\": 2, \"n_layer\": 1}")) {
            String qkv = "h.0.self_attention.query_key_value.weight";
            assertSlice(s, qkv + "[q]", qkv, Role.Q, 0, new int[] {0, 1, 6, 7}, 4, false);
            assertSlice(s, qkv + "[k]", qkv, Role.K, 0, new int[] {2, 3, 8, 9}, 4, false);
            assertRole(s, "word_embeddings.weight", Role.EMBEDDING, -1, false);
            assertRole(s, "word_embeddings_layernorm.weight", Role.EMBEDDING_NORM, -1, false);
            assertRole(s, "h.0.input_layernorm.weight", Role.ATTN_NORM, 0, false);
            assertRole(s, "h.0.post_attention_layernorm.bias", Role.MLP_NORM, 0, true);
            assertRole(s, "h.0.mlp.dense_4h_to_h.weight", Role.DOWN, 0, false);
            assertRole(s, "ln_f.weight", Role.FINAL_NORM, -1, false);
        }
    }

    @Test
    void falconMultiQueryAndGroupedLayouts() throws IOException {
        // Falcon-7B style: 4 query heads then one k and one v head (head size 2).
        tensor("transformer.h.0.self_attention.query_key_value.weight", 12, 8);
        try (TensorStore s = open("{\"model_type\": \"falcon\", \"hidden_size\": 8, \"num_attention_heads\": 4,"
                + " \"multi_query\": true, \"new_decoder_architecture\": false}")) {
            String qkv = "transformer.h.0.self_attention.query_key_value.weight";
            assertSlice(s, qkv + "[q]", qkv, Role.Q, 0, range(0, 8), 8, false);
            assertSlice(s, qkv + "[k]", qkv, Role.K, 0, new int[] {8, 9}, 8, false);
            assertSlice(s, qkv + "[v]", qkv, Role.V, 0, new int[] {10, 11}, 8, false);
        }
        tensors.clear();
        ids.clear();
        // Falcon-40B style: 2 kv groups of (2 query heads, k, v).
        tensor("transformer.h.0.self_attention.query_key_value.weight", 16, 8);
        tensor("transformer.h.0.ln_attn.weight", 8);
        tensor("transformer.h.0.ln_mlp.weight", 8);
        try (TensorStore s = open("{\"model_type\": \"falcon\", \"hidden_size\": 8, \"num_attention_heads\": 4,"
                + " \"num_kv_heads\": 2, \"new_decoder_architecture\": true}")) {
            String qkv = "transformer.h.0.self_attention.query_key_value.weight";
            assertSlice(s, qkv + "[q]", qkv, Role.Q, 0, new int[] {0, 1, 2, 3, 8, 9, 10, 11}, 8, false);
            assertSlice(s, qkv + "[k]", qkv, Role.K, 0, new int[] {4, 5, 12, 13}, 8, false);
            assertSlice(s, qkv + "[v]", qkv, Role.V, 0, new int[] {6, 7, 14, 15}, 8, false);
            assertRole(s, "transformer.h.0.ln_attn.weight", Role.ATTN_NORM, 0, false);
            assertRole(s, "transformer.h.0.ln_mlp.weight", Role.MLP_NORM, 0, false);
        }
    }

    @Test
    void bertAndRobertaEncoders() throws IOException {
        tensor("bert.embeddings.word_embeddings.weight", 10, 4);
        tensor("bert.embeddings.position_embeddings.weight", 8, 4);
        tensor("bert.embeddings.token_type_embeddings.weight", 2, 4);
        tensor("bert.embeddings.LayerNorm.weight", 4);
        tensor("bert.embeddings.position_ids", 1, 8);
        tensor("bert.encoder.layer.5.attention.self.query.weight", 4, 4);
        tensor("bert.encoder.layer.5.attention.self.key.bias", 4);
        tensor("bert.encoder.layer.5.attention.self.value.weight", 4, 4);
        tensor("bert.encoder.layer.5.attention.output.dense.weight", 4, 4);
        tensor("bert.encoder.layer.5.attention.output.LayerNorm.weight", 4);
        tensor("bert.encoder.layer.5.intermediate.dense.weight", 16, 4);
        tensor("bert.encoder.layer.5.output.dense.weight", 4, 16);
        tensor("bert.encoder.layer.5.output.LayerNorm.bias", 4);
        tensor("bert.pooler.dense.weight", 4, 4);
        tensor("cls.predictions.decoder.weight", 10, 4);
        try (TensorStore s = open("{\"model_type\": \"bert\", \"hidden_size\": 4, \"num_attention_heads\": 1}")) {
            assertRole(s, "bert.embeddings.word_embeddings.weight", Role.EMBEDDING, -1, false);
            assertRole(s, "bert.embeddings.position_embeddings.weight", Role.POSITION_EMBEDDING, -1, false);
            assertRole(s, "bert.embeddings.token_type_embeddings.weight", Role.TOKEN_TYPE_EMBEDDING, -1, false);
            assertRole(s, "bert.embeddings.LayerNorm.weight", Role.EMBEDDING_NORM, -1, false);
            assertEquals(TensorRole.UNMAPPED, role(s, "bert.embeddings.position_ids"));
            assertRole(s, "bert.encoder.layer.5.attention.self.query.weight", Role.Q, 5, false);
            assertRole(s, "bert.encoder.layer.5.attention.self.key.bias", Role.K, 5, true);
            assertRole(s, "bert.encoder.layer.5.attention.self.value.weight", Role.V, 5, false);
            assertRole(s, "bert.encoder.layer.5.attention.output.dense.weight", Role.O, 5, false);
            assertRole(s, "bert.encoder.layer.5.attention.output.LayerNorm.weight", Role.POST_ATTN_NORM, 5, false);
            assertRole(s, "bert.encoder.layer.5.intermediate.dense.weight", Role.UP, 5, false);
            assertRole(s, "bert.encoder.layer.5.output.dense.weight", Role.DOWN, 5, false);
            assertRole(s, "bert.encoder.layer.5.output.LayerNorm.bias", Role.POST_MLP_NORM, 5, true);
            assertRole(s, "bert.pooler.dense.weight", Role.POOLER, -1, false);
            assertRole(s, "cls.predictions.decoder.weight", Role.LM_HEAD, -1, false);
            assertEquals(6, s.layerCount());
        }
        tensors.clear();
        ids.clear();
        tensor("roberta.encoder.layer.0.attention.self.query.weight", 4, 4);
        tensor("encoder.layer.1.attention.self.query.weight", 4, 4);
        tensor("lm_head.decoder.weight", 10, 4);
        for (String type : new String[] {"roberta", "xlm-roberta"}) {
            try (TensorStore s = open("{\"model_type\": \"" + type + "\"}")) {
                assertRole(s, "roberta.encoder.layer.0.attention.self.query.weight", Role.Q, 0, false);
                assertRole(s, "encoder.layer.1.attention.self.query.weight", Role.Q, 1, false);
                assertRole(s, "lm_head.decoder.weight", Role.LM_HEAD, -1, false);
            }
        }
    }

    @Test
    void unknownModelTypeMapsNothing() throws IOException {
        tensor("model.layers.0.self_attn.q_proj.weight", 4, 4);
        tensor("model.embed_tokens.weight", 8, 4);
        try (TensorStore s = open("{\"model_type\": \"olmo2\"}")) {
            assertEquals(2, s.tensors().size());
            s.tensors().forEach(t -> assertEquals(TensorRole.UNMAPPED, t.role()));
        }
        try (TensorStore s = open("{}")) {
            s.tensors().forEach(t -> assertEquals(TensorRole.UNMAPPED, t.role()));
        }
        assertFalse(HfTensorRoles.modelTypes().contains("olmo2"));
    }

    @Test
    void layerNumbersMustBePlainDigits() throws IOException {
        tensor("model.layers.x.self_attn.q_proj.weight", 2, 2);
        tensor("model.layers.-1.self_attn.q_proj.weight", 2, 2);
        tensor("model.layers..self_attn.q_proj.weight", 2, 2);
        try (TensorStore s = open("{\"model_type\": \"llama\"}")) {
            s.tensors().forEach(t -> assertEquals(TensorRole.UNMAPPED, t.role(), t.name()));
        }
    }

    @Test
    void fusedRowsDisagreeingWithTheConfigAreRefused() throws IOException {
        tensor("gpt_neox.layers.0.attention.query_key_value.weight", 12, 4);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> open(
                "{\"model_type\": \"gpt_neox\", \"hidden_size\": 8, \"num_attention_heads\": 2}"));
        assertTrue(e.getMessage().contains("has 12 rows but config.json's 2 heads, 2 kv heads and head size 4 make 24"), e.getMessage());
    }

    @Test
    void fusedQkvWithoutHeadCountsStaysWhole() throws IOException {
        tensor("gpt_neox.layers.0.attention.query_key_value.weight", 12, 4);
        try (TensorStore s = open("{\"model_type\": \"gpt_neox\"}")) {
            assertEquals(TensorRole.UNMAPPED, role(s, "gpt_neox.layers.0.attention.query_key_value.weight"));
        }
    }

    /** The view {@code name} has {@code role} and reads exactly {@code rows} of the HF-oriented source. */
    private void assertSlice(TensorStore s, String name, String source, Role role, int layer, int[] rows, int rowLength,
            boolean sourceTransposed) {
        TensorInfo t = s.byName(name).orElseThrow(() -> new AssertionError("no view " + name));
        assertEquals(role, t.role().role(), name);
        assertEquals(layer, t.role().layer(), name);
        assertEquals(rows.length, t.rows(), name);
        assertEquals(rowLength, t.rowLength(), name);
        float[] values = s.read(t);
        long storedCols = tensors.get(source).length == 2 ? tensors.get(source)[1] : 1;
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rowLength; c++) {
                long flat = sourceTransposed ? (long) c * storedCols + rows[r] : (long) rows[r] * rowLength + c;
                assertEquals(stored(source, flat), values[r * rowLength + c], name + " (" + r + ", " + c + ")");
            }
        }
        // Row-range reads agree with the whole read.
        if (rows.length > 1) {
            float[] tail = s.readRows(t, 1, rows.length - 1);
            for (int i = 0; i < tail.length; i++) {
                assertEquals(values[rowLength + i], tail[i], name);
            }
        }
    }

    private static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }
}
