package dev.pedigree.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.blackbox.http.HttpCausalLanguageModel;
import dev.pedigree.blackbox.http.HttpTextEmbedder;
import dev.pedigree.blackbox.onnx.OnnxCausalLanguageModel;
import dev.pedigree.blackbox.onnx.OnnxEncoder;
import dev.pedigree.blackbox.onnx.Pooling;
import dev.pedigree.error.BadInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryableModelsTest {
    private static final java.io.PrintWriter ERR = new java.io.PrintWriter(new java.io.StringWriter());

    @Test
    void mavenSpecOpensThePackedEncoder() {
        try (QueryableModel m = QueryableModels.open(MatrixRequest.DEFAULT_SENTENCE_EMBEDDER, ModelKind.ENCODER,
                QueryableModels.Options.DEFAULT, ERR)) {
            OnnxEncoder encoder = assertInstanceOf(OnnxEncoder.class, m);
            assertEquals("all-minilm-l6-v2", encoder.name());
            assertEquals(Pooling.MEAN, encoder.pooling());
            assertEquals(384, encoder.embed(java.util.List.of("a sentence"))[0].length);
        }
    }

    @Test
    void huggingFaceFolderWithExportOpensAsCausalModel() {
        try (QueryableModel m = QueryableModels.open(ZooModels.ROOT.resolve("tiny-llama-a").toString(), ModelKind.CAUSAL,
                QueryableModels.Options.DEFAULT, ERR)) {
            assertInstanceOf(OnnxCausalLanguageModel.class, m);
            assertEquals("tiny-llama-a", m.name());
        }
    }

    @Test
    void packedEncoderOpensWithItsTokenizerAndPooling() {
        Path onnx = RealEncoders.file("bge-small-en.onnx");
        RealEncoders.file("bge-small-en-tokenizer.json");
        try (QueryableModel m = QueryableModels.open(onnx.toString(), ModelKind.ENCODER, QueryableModels.Options.DEFAULT, ERR)) {
            OnnxEncoder encoder = assertInstanceOf(OnnxEncoder.class, m);
            assertEquals("bge-small-en", encoder.name());
            assertEquals(Pooling.CLS, encoder.pooling());
        }
    }

    @Test
    void serverUrlOpensAsTheKindTheDistanceNeeds() {
        String url = "http://127.0.0.1:9/v1#some-model";
        try (QueryableModel lm = QueryableModels.open(url, ModelKind.CAUSAL, QueryableModels.Options.DEFAULT, ERR);
             QueryableModel enc = QueryableModels.open(url, ModelKind.ENCODER, QueryableModels.Options.DEFAULT, ERR)) {
            assertInstanceOf(HttpCausalLanguageModel.class, lm);
            assertInstanceOf(HttpTextEmbedder.class, enc);
            assertEquals("some-model", lm.name());
        }
        BadInputException e = assertThrows(BadInputException.class,
                () -> QueryableModels.open("http://127.0.0.1:9/v1", ModelKind.CAUSAL, QueryableModels.Options.DEFAULT, ERR));
        assertTrue(e.getMessage().contains("#MODEL-ID"), e.getMessage());
    }

    @Test
    void folderWithoutModelIsRefused(@TempDir Path empty) {
        BadInputException e = assertThrows(BadInputException.class,
                () -> QueryableModels.open(empty.toString(), ModelKind.CAUSAL, QueryableModels.Options.DEFAULT, ERR));
        assertTrue(e.getMessage().contains("no model weights found"), e.getMessage());
    }

    @Test
    void weightsWithoutAnOnnxExportAreRefusedWithTheReason(@TempDir Path dir) throws java.io.IOException {
        for (String f : new String[] {"model.safetensors", "config.json", "tokenizer.json"}) {
            java.nio.file.Files.copy(ZooModels.ROOT.resolve("tiny-llama-a").resolve(f), dir.resolve(f));
        }
        BadInputException e = assertThrows(BadInputException.class,
                () -> QueryableModels.open(dir.toString(), ModelKind.CAUSAL, QueryableModels.Options.DEFAULT, ERR));
        assertTrue(e.getMessage().contains("black-box queries run an ONNX export"), e.getMessage());
    }
}
