package dev.pedigree.model.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.ModelFormatException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufArchitectureTest {
    @Test
    void readsTheLlamaHyperparameters() {
        try (GgufFile gguf = new GgufReader().open(GgufFixtures.path("tiny-llama.gguf"))) {
            ArchitectureSpec a = GgufArchitecture.from(gguf);
            assertEquals("gguf", a.source());
            assertEquals("llama", a.modelType());
            assertEquals(List.of("llama"), a.architectures());
            assertEquals(32, a.hiddenSize());
            assertEquals(2, a.numLayers());
            assertEquals(4, a.numHeads());
            assertEquals(2, a.numKvHeads());
            assertEquals(64, a.intermediateSize());
            assertEquals(32, a.vocabSize());
            assertEquals(128, a.maxPositionEmbeddings());
            assertEquals((double) 1e-5f, a.rmsNormEps());
            assertNull(a.layerNormEps());
            assertEquals(500000.0, a.ropeTheta());
            assertTrue(a.tieWordEmbeddings(), "no output.weight beside token_embd.weight");
            assertEquals("Tiny Llama Fixture", a.raw().get("general.name"));
            assertFalse(a.raw().containsKey("tokenizer.ggml.tokens"), "arrays stay out of raw");
            assertEquals(8L, a.raw().get("llama.rope.dimension_count"));
        }
    }

    @Test
    void refusesAHyperparameterOfTheWrongType(@TempDir Path dir) throws Exception {
        Path file = new GgufBytes().kvString("general.architecture", "llama")
                .kvString("llama.embedding_length", "wide").write(dir.resolve("bad.gguf"));
        try (GgufFile gguf = new GgufReader().open(file)) {
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> GgufArchitecture.from(gguf));
            assertTrue(e.getMessage().contains("llama.embedding_length"), e.getMessage());
        }
    }

    @Test
    void declaredLineageListsBaseModelsSourceAndQuantizer() {
        try (GgufFile gguf = new GgufReader().open(GgufFixtures.path("tiny-llama.gguf"))) {
            GgufDeclaredLineage lineage = GgufDeclaredLineage.from(gguf);
            assertEquals(List.of(Map.of(
                    "name", "Tiny Base",
                    "organization", "Pedigree Fixtures",
                    "repo_url", "https://example.org/pedigree-fixtures/tiny-base",
                    "version", "v1")), lineage.baseModels());
            assertEquals(Map.of("url", "https://example.org/pedigree-fixtures/tiny-llama",
                    "huggingface.repository", "pedigree-fixtures/tiny-llama"), lineage.source());
            assertEquals("pedigree-fixtures", lineage.quantizedBy());
            assertFalse(lineage.isEmpty());
        }
    }

    @Test
    void noLineageDeclaredIsEmpty() {
        try (GgufFile gguf = new GgufReader().open(GgufFixtures.path("quants.gguf"))) {
            assertTrue(GgufDeclaredLineage.from(gguf).isEmpty());
        }
    }
}
