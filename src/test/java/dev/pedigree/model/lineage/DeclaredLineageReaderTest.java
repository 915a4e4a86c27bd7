package dev.pedigree.model.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeclaredLineageReaderTest {
    @TempDir
    Path tmp;

    @Test
    void adapterConfigNamesItsBase() throws IOException {
        Path adapter = Files.writeString(tmp.resolve("adapter_config.json"),
                "{\"peft_type\": \"LORA\", \"base_model_name_or_path\": \"acme/tiny-llama\", \"r\": 8}");
        DeclaredLineage l = DeclaredLineageReader.read(null, adapter, Map.of());
        assertEquals(List.of(new LineageClaim("base_model", "acme/tiny-llama", "adapter_config.json")), l.claims());
        assertEquals(Optional.of("adapter"), l.relation());
    }

    @Test
    void ggufMetadataClaimsInKeyOrder() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("general.architecture", "llama");
        meta.put("general.quantized_by", "someone");
        meta.put("general.base_model.count", 1L);
        meta.put("general.base_model.0.name", "Tiny Llama");
        meta.put("general.base_model.0.repo_url", "https://example.org/acme/tiny-llama");
        meta.put("general.source.huggingface.repository", "acme/tiny-llama-gguf");
        DeclaredLineage l = DeclaredLineageReader.read(null, null, meta);
        assertEquals(List.of("general.base_model.0.name", "general.base_model.0.repo_url", "general.base_model.count",
                "general.quantized_by", "general.source.huggingface.repository"),
                l.claims().stream().map(LineageClaim::key).toList());
        assertEquals("1", l.claims().get(2).value());
        assertTrue(l.claims().stream().allMatch(c -> c.origin().equals(DeclaredLineageReader.GGUF_ORIGIN)));
        assertEquals(List.of("Tiny Llama"), l.baseModels());
        assertEquals(Optional.empty(), l.relation(), "one GGUF base model says nothing about the relation");

        meta.put("general.base_model.1.name", "Other Llama");
        assertEquals(Optional.of("merge"), DeclaredLineageReader.read(null, null, meta).relation(), "two GGUF base models: a merge");
    }

    @Test
    void cardAndAdapterTogetherAndBadJsonRefused() throws IOException {
        Path card = Files.writeString(tmp.resolve("README.md"), "---\nbase_model: acme/base\nbase_model_relation: finetune\n---\n");
        DeclaredLineage l = DeclaredLineageReader.read(card, null, Map.of());
        assertEquals(Optional.of("finetune"), l.relation());
        assertEquals(List.of("acme/base"), l.baseModels());

        Path bad = Files.writeString(tmp.resolve("adapter_config.json"), "{\"base_model_name_or_path\": ");
        BadInputException e = assertThrows(BadInputException.class, () -> DeclaredLineageReader.read(null, bad, Map.of()));
        assertTrue(e.getMessage().startsWith(bad.toString()) && !e.getMessage().contains("\n"), e.getMessage());
    }
}
