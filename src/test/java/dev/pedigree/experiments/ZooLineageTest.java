package dev.pedigree.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Derivation distances and target kinds read from the committed full zoo's lineage.json. */
class ZooLineageTest {
    private static ZooLineage lineage;

    @BeforeAll
    static void read() throws IOException {
        lineage = ZooLineage.read(Path.of("experiments", "zoo", "results", "full", "lineage.json"));
    }

    @Test
    void ancestorsAreGenerationsUp() {
        // llama-a -> llama-a-ft-lic -> llama-a-ft-lic-ft-py -> llama-a-ft-lic-ft-py-ft-man
        assertEquals(new ZooLineage.Relation(3, 0), lineage.relation("llama-a-ft-lic-ft-py-ft-man", "llama-a"));
        assertEquals("ancestor", lineage.relation("llama-a-ft-lic-ft-py-ft-man", "llama-a").kind());
        assertEquals(new ZooLineage.Relation(1, 0), lineage.relation("llama-a-ft-lic", "llama-a"));
    }

    @Test
    void descendantsAndCousinsGoThroughTheNearestCommonAncestor() {
        assertEquals(new ZooLineage.Relation(0, 1), lineage.relation("llama-a-ft-lic", "llama-a-ft-lic-ft-py"));
        // llama-ab-merge is a child of llama-a-ft-lic, two generations above the target
        assertEquals(new ZooLineage.Relation(2, 1), lineage.relation("llama-a-ft-lic-ft-py-ft-man", "llama-ab-merge"));
        assertEquals("collateral", lineage.relation("llama-a-ft-lic-ft-py-ft-man", "llama-ab-merge").kind());
        // a merge reaches either parent line in one step
        assertEquals(new ZooLineage.Relation(1, 0), lineage.relation("llama-ab-merge", "llama-b-ft-lic"));
        assertEquals(new ZooLineage.Relation(2, 0), lineage.relation("llama-ab-merge", "llama-b"));
    }

    @Test
    void unrelatedModelsHaveNoRelation() {
        assertNull(lineage.relation("llama-a-ft-lic", "llama-b"));
        assertNull(lineage.relation("gpt2-b-ft-lic", "gpt2-a-ft-lic"));
    }

    @Test
    void targetKindsFollowParentsAndRelation() {
        assertEquals("merge", lineage.targetKind("llama-ab-merge"));
        assertEquals("merge", lineage.targetKind("llama-a-merge"));
        assertEquals("distilled", lineage.targetKind("llama-a-distilled-qwen2"));
        assertEquals("single-parent", lineage.targetKind("llama-a-ft-lic"));
    }
}
