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
    @Test
    void huggingFaceFolderWithExportOpensAsCausalModel() {
        try (QueryableModel m = QueryableModels.open(ZooModels.ROOT.resolve("tiny-llama-a").toString(), ModelKind.CAUSAL,
                QueryableModels.Options.DEFAULT)) {
            assertInstanceOf(OnnxCausalLanguageModel.class, m);
            assertEquals("tiny-llama-a", m.name());
        }
    }

    @Test
    void packedEncoderOpensWithItsTokenizerAndPooling() {
        Path onnx = RealEncoders.file("bge-small-en.onnx");
        RealEncoders.file("bge-small-en-tokenizer.json");
        try (QueryableModel m = QueryableModels.open(onnx.toString(), ModelKind.ENCODER, QueryableModels.Options.DEFAULT)) {
            OnnxEncoder encoder = assertInstanceOf(OnnxEncoder.class, m);
            assertEquals("bge-small-en", encoder.name());
            assertEquals(Pooling.CLS, encoder.pooling());
        }
    }

    @Test
    void serverUrlOpensAsTheKindTheDistanceNeeds() {
        String url = "http://127.0.0.1:9/v1#some-model";
        try (QueryableModel lm = QueryableModels.open(url, ModelKind.CAUSAL, QueryableModels.Options.DEFAULT);
             QueryableModel enc = QueryableModels.open(url, ModelKind.ENCODER, QueryableModels.Options.DEFAULT)) {
            assertInstanceOf(HttpCausalLanguageModel.class, lm);
            assertInstanceOf(HttpTextEmbedder.class, enc);
            assertEquals("some-model", lm.name());
        }
        BadInputException e = assertThrows(BadInputException.class,
                () -> QueryableModels.open("http://127.0.0.1:9/v1", ModelKind.CAUSAL, QueryableModels.Options.DEFAULT));
        assertTrue(e.getMessage().contains("#MODEL-ID"), e.getMessage());
    }

    @Test
    void folderWithoutModelIsRefused(@TempDir Path empty) {
        BadInputException e = assertThrows(BadInputException.class,
                () -> QueryableModels.open(empty.toString(), ModelKind.CAUSAL, QueryableModels.Options.DEFAULT));
        assertTrue(e.getMessage().contains("expected one .onnx file"), e.getMessage());
    }
}
