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
import dev.pedigree.model.lineage.DeclaredLineage;
import dev.pedigree.model.lineage.DeclaredLineageReader;
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
            DeclaredLineage lineage = DeclaredLineageReader.read(null, null, gguf.metadata());
            assertEquals(List.of("Tiny Base"), lineage.baseModels());
            Map<String, String> byKey = new java.util.TreeMap<>();
            lineage.claims().forEach(c -> byKey.put(c.key(), c.value()));
            assertEquals("Pedigree Fixtures", byKey.get("general.base_model.0.organization"));
            assertEquals("https://example.org/pedigree-fixtures/tiny-base", byKey.get("general.base_model.0.repo_url"));
            assertEquals("https://example.org/pedigree-fixtures/tiny-llama", byKey.get("general.source.url"));
            assertEquals("pedigree-fixtures/tiny-llama", byKey.get("general.source.huggingface.repository"));
            assertEquals("pedigree-fixtures", byKey.get("general.quantized_by"));
            assertTrue(lineage.claims().stream().allMatch(c -> c.origin().equals(DeclaredLineageReader.GGUF_ORIGIN)));
        }
    }

    @Test
    void noLineageDeclaredIsEmpty() {
        try (GgufFile gguf = new GgufReader().open(GgufFixtures.path("quants.gguf"))) {
            assertTrue(DeclaredLineageReader.read(null, null, gguf.metadata()).isEmpty());
        }
    }
}
