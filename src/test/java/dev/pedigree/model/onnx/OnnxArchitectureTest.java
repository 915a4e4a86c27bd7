package dev.pedigree.model.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.TensorContainer;
import org.junit.jupiter.api.Test;

/** What the graph alone says about small exports; what it cannot say stays null. */
class OnnxArchitectureTest {

    @Test
    void decoderExportWithoutAttentionShapes() {
        try (TensorContainer c = new OnnxReader().open(OnnxFixtures.file("external_data.onnx"))) {
            ArchitectureSpec a = OnnxArchitecture.from(c);
            assertEquals(6, a.hiddenSize());
            assertEquals(10, a.vocabSize());
            assertEquals(1, a.numLayers());
            assertNull(a.numHeads(), "no attention reshape in the graph");
            assertNull(a.modelType(), "/model/layers.N/ is shared by llama, mistral, qwen2...");
            assertNull(a.maxPositionEmbeddings());
            assertEquals(6, a.intermediateSize(), "down_proj [6, 4] stored [in, out]");
        }
    }

    @Test
    void gpt2BlockIsRecognised() {
        try (TensorContainer c = new OnnxReader().open(OnnxFixtures.file("gpt2_block.onnx"))) {
            ArchitectureSpec a = OnnxArchitecture.from(c);
            assertEquals("gpt2", a.modelType());
            assertEquals(4, a.hiddenSize());
            assertEquals(7, a.vocabSize());
            assertNull(a.intermediateSize(), "no MLP in this block; the fused qkv is wider but is not one");
        }
    }
}
