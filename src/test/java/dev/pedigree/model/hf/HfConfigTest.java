package dev.pedigree.model.hf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.ModelFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** config.json of several families (keys as the published configs spell them) read into ArchitectureSpec. */
class HfConfigTest {
    @TempDir
    Path dir;

    private ArchitectureSpec read(String json) throws IOException {
        return HfConfig.read(Files.writeString(dir.resolve("config.json"), json));
    }

    @Test
    void llamaStyleConfig() throws IOException {
        ArchitectureSpec a = read("""
                {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 2048,
                 "intermediate_size": 8192, "num_hidden_layers": 16, "num_attention_heads": 32,
                 "num_key_value_heads": 8, "vocab_size": 128256, "max_position_embeddings": 131072,
                 "hidden_act": "silu", "rms_norm_eps": 1e-05, "rope_theta": 500000.0, "tie_word_embeddings": true,
                 "rope_scaling": {"factor": 32.0, "rope_type": "llama3"}, "head_dim": 64, "torch_dtype": "bfloat16"}
                """);
        assertEquals("config.json", a.source());
        assertEquals("llama", a.modelType());
        assertEquals(List.of("LlamaForCausalLM"), a.architectures());
        assertEquals(2048, a.hiddenSize());
        assertEquals(16, a.numLayers());
        assertEquals(32, a.numHeads());
        assertEquals(8, a.numKvHeads());
        assertEquals(8192, a.intermediateSize());
        assertEquals(128256, a.vocabSize());
        assertEquals(131072, a.maxPositionEmbeddings());
        assertEquals(64, a.headDim());
        assertEquals("silu", a.hiddenAct());
        assertEquals(1e-5, a.rmsNormEps());
        assertNull(a.layerNormEps());
        assertEquals(500000.0, a.ropeTheta());
        assertEquals(true, a.tieWordEmbeddings());
        assertEquals(Map.of("factor", 32.0, "rope_type", "llama3"), a.raw().get("rope_scaling"));
        assertEquals("bfloat16", a.raw().get("torch_dtype"));
    }

    @Test
    void gpt2NamesAndImplicitMlpWidth() throws IOException {
        ArchitectureSpec a = read("""
                {"activation_function": "gelu_new", "architectures": ["GPT2LMHeadModel"], "layer_norm_epsilon": 1e-05,
                 "model_type": "gpt2", "n_ctx": 1024, "n_embd": 768, "n_head": 12, "n_inner": null, "n_layer": 12,
                 "n_positions": 1024, "vocab_size": 50257}
                """);
        assertEquals(768, a.hiddenSize());
        assertEquals(12, a.numLayers());
        assertEquals(12, a.numHeads());
        assertEquals(12, a.numKvHeads());
        assertEquals(3072, a.intermediateSize());
        assertEquals(1024, a.maxPositionEmbeddings());
        assertEquals(64, a.headDim());
        assertEquals("gelu_new", a.hiddenAct());
        assertEquals(1e-5, a.layerNormEps());
        assertTrue(a.raw().containsKey("n_inner"));
        assertNull(a.raw().get("n_inner"));
    }

    @Test
    void bloomNames() throws IOException {
        ArchitectureSpec a = read("""
                {"architectures": ["BloomForCausalLM"], "model_type": "bloom", "n_embed": 1024, "n_layer": 24,
                 "num_attention_heads": 16, "layer_norm_epsilon": 1e-05, "vocab_size": 250880}
                """);
        assertEquals(1024, a.hiddenSize());
        assertEquals(24, a.numLayers());
        assertEquals(16, a.numHeads());
        assertEquals(4096, a.intermediateSize());
        assertNull(a.maxPositionEmbeddings());
    }

    @Test
    void falconKvHeadsFollowTheAttentionVariant() throws IOException {
        ArchitectureSpec sevenB = read("""
                {"model_type": "falcon", "hidden_size": 4544, "num_attention_heads": 71, "num_hidden_layers": 32,
                 "multi_query": true, "new_decoder_architecture": false, "parallel_attn": true, "vocab_size": 65024}
                """);
        assertEquals(1, sevenB.numKvHeads());
        assertEquals(4 * 4544, sevenB.intermediateSize());
        ArchitectureSpec fortyB = read("""
                {"model_type": "falcon", "hidden_size": 8192, "num_attention_heads": 128, "num_hidden_layers": 60,
                 "num_kv_heads": 8, "new_decoder_architecture": true, "vocab_size": 65024}
                """);
        assertEquals(8, fortyB.numKvHeads());
        ArchitectureSpec rw = read("""
                {"model_type": "RefinedWebModel", "hidden_size": 64, "n_head": 4, "n_layer": 2, "multi_query": false}
                """);
        assertEquals(4, rw.numKvHeads());
        assertEquals(4, rw.numHeads());
    }

    @Test
    void nestedTextConfigIsTheBackbone() throws IOException {
        ArchitectureSpec a = read("""
                {"architectures": ["Gemma3ForConditionalGeneration"], "model_type": "gemma3",
                 "text_config": {"model_type": "gemma3_text", "hidden_size": 2560, "intermediate_size": 10240,
                   "num_hidden_layers": 34, "num_attention_heads": 8, "num_key_value_heads": 4, "head_dim": 256,
                   "hidden_activation": "gelu_pytorch_tanh", "rope_theta": 1000000.0, "rms_norm_eps": 1e-06},
                 "vision_config": {"hidden_size": 1152, "num_hidden_layers": 27, "model_type": "siglip_vision_model"},
                 "vocab_size": 262208}
                """);
        assertEquals("gemma3_text", a.modelType());
        assertEquals(List.of("Gemma3ForConditionalGeneration"), a.architectures());
        assertEquals(2560, a.hiddenSize());
        assertEquals(34, a.numLayers());
        assertEquals(4, a.numKvHeads());
        assertEquals(256, a.headDim());
        assertEquals(262208, a.vocabSize());
        assertEquals("gelu_pytorch_tanh", a.hiddenAct());
        assertEquals("gemma3", a.raw().get("model_type"));
    }

    @Test
    void llmConfigIsTheBackbone() throws IOException {
        ArchitectureSpec a = read("""
                {"model_type": "internvl_chat", "llm_config": {"model_type": "qwen2", "hidden_size": 896,
                 "num_hidden_layers": 24, "num_attention_heads": 14, "num_key_value_heads": 2,
                 "intermediate_size": 4864, "vocab_size": 151674, "rope_theta": 1000000.0},
                 "vision_config": {"hidden_size": 1024, "num_hidden_layers": 24}}
                """);
        assertEquals("qwen2", a.modelType());
        assertEquals(896, a.hiddenSize());
        assertEquals(2, a.numKvHeads());
        assertEquals(64, a.headDim());
    }

    @Test
    void intermediateSizeTakesTheFirstPositiveName() throws IOException {
        assertEquals(2048, read("{\"model_type\": \"t5\", \"d_model\": 512, \"d_ff\": 2048}").intermediateSize());
        assertEquals(4096, read("{\"model_type\": \"bart\", \"d_model\": 1024, \"intermediate_size\": 0, \"encoder_ffn_dim\": 4096,"
                + " \"decoder_ffn_dim\": 4096}").intermediateSize());
        assertEquals(1536, read("{\"model_type\": \"opt\", \"hidden_size\": 512, \"ffn_dim\": 1536}").intermediateSize());
        assertNull(read("{\"model_type\": \"mystery\", \"hidden_size\": 512}").intermediateSize());
    }

    @Test
    void ropeThetaFromRopeParameters() throws IOException {
        assertEquals(10000.0, read("{\"model_type\": \"llama\", \"rope_parameters\": {\"rope_theta\": 10000.0, \"rope_type\": \"default\"}}").ropeTheta());
        assertEquals(10000.0, read("{\"model_type\": \"gpt_neox\", \"rotary_emb_base\": 10000}").ropeTheta());
    }

    @Test
    void malformedConfigsAreRefused() throws IOException {
        Path file = dir.resolve("config.json");
        for (String[] c : new String[][] {
            {"{\"hidden_size\": 64,", "config is not well-formed JSON"},
            {"[1, 2]", "config is not a JSON object"},
            {"{\"hidden_size\": \"big\"}", "hidden_size is \"big\", not an integer"},
            {"{\"hidden_size\": 64.5}", "hidden_size is 64.5, not an integer"},
            {"{\"rms_norm_eps\": \"tiny\"}", "rms_norm_eps is \"tiny\", not a number"},
            {"{\"architectures\": \"Llama\"}", "architectures is not a list"},
            {"{\"a\": 1, \"a\": 2}", "Duplicate field 'a'"}}) {
            Files.writeString(file, c[0]);
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> HfConfig.read(file));
            assertTrue(e.getMessage().startsWith(file + ": ") && e.getMessage().contains(c[1]), e.getMessage());
        }
        ModelFormatException missing = assertThrows(ModelFormatException.class, () -> HfConfig.read(dir.resolve("absent.json")));
        assertTrue(missing.getMessage().contains("cannot read config"), missing.getMessage());
    }
}
