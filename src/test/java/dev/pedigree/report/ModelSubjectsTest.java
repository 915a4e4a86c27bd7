package dev.pedigree.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.model.lineage.DeclaredLineage;
import dev.pedigree.model.lineage.DeclaredLineageReader;
import dev.pedigree.model.open.ModelDescription;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a model's files say, as a report subject: read, a server, or unreadable. */
class ModelSubjectsTest {
    @Test
    void aReadModelKeepsItsSpecFormatDigestAndDeclaredParents() {
        Path dir = Path.of("src/test/resources/zoo/models/tiny-llama-a-int8");
        DeclaredLineage declared = DeclaredLineageReader.read(dir.resolve("README.md"), null, Map.of());
        Subject s = ModelSubjects.of("tiny-llama-a-int8", "candidate", new ModelDescription(dir.toString(), "safetensors", "e".repeat(64), declared));
        assertEquals(dir.toString(), s.spec());
        assertEquals("safetensors", s.format());
        assertEquals("e".repeat(64), s.digest());
        assertTrue(s.declared().read());
        assertEquals(List.of("pedigree-zoo/tiny-llama-a"), s.declared().baseModels());
        assertEquals("quantized", s.declared().relation());
    }

    @Test
    void aServerHasNoFilesSoNoDigestAndItsLineageIsUnknown() {
        Subject s = ModelSubjects.of("tiny", "candidate", ModelDescription.server("http://127.0.0.1:9/v1#tiny"));
        assertEquals("server", s.format());
        assertNull(s.digest());
        assertFalse(s.declared().read(), "unknown, so no link to it can be called undeclared");
        assertEquals("http://127.0.0.1:9/v1#tiny", s.spec());
    }

    @Test
    void anUnreadableModelIsKnownByItsSpecAlone() {
        Subject s = ModelSubjects.of("gone", "reference", ModelDescription.unreadable("/models/gone"));
        assertNull(s.format());
        assertNull(s.digest());
        assertFalse(s.declared().read());
        assertEquals("/models/gone", s.spec());
    }
}
