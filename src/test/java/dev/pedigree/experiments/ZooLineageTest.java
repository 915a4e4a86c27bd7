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

    @Test
    void derivationWeightFollowsWhatLiesBetweenTheTwo() {
        // casts, quantisation and permutation keep the function: copies of llama-a and of each other
        assertEquals("copy", lineage.derivation("llama-a-perm", "llama-a-int8"));
        assertEquals("copy", lineage.derivation("llama-a-int4", "llama-a"));
        // a 60-step fine-tune, and a tampered copy of one reached through it, are light
        assertEquals("light", lineage.derivation("llama-a-ft-lic", "llama-a"));
        assertEquals("light", lineage.derivation("llama-a-int4", "llama-a-ft-lic-tampered-names"));
        // a heavy derivative or a distillation anywhere below the common ancestor makes the pair heavy
        assertEquals("heavy", lineage.derivation("llama-a-py-heavy", "llama-a-ft-lic-tampered-config"));
        assertEquals("heavy", lineage.derivation("llama-a-distilled-qwen2", "llama-a"));
        assertEquals("heavy", lineage.derivation("llama-a-dropped", "llama-a-py-heavy"));
        assertNull(lineage.derivation("llama-a-ft-lic", "llama-b"));
    }

    @Test
    void trapsAreUnrelatedModelsTunedOnTheTargetsText() {
        assertEquals("shared-data-trap", lineage.trap("llama-a-py-heavy", "mistral-a-py-heavy"));
        // a light Python fine-tune of another base shares the text but not the zoo's python-heavy group
        assertEquals("same-domain", lineage.trap("llama-a-py-heavy", "mistral-a-ft-py"));
        assertEquals("same-domain", lineage.trap("llama-a-ft-lic", "llama-b-ft-lic"));
        // a cast inherits its parent's text
        assertEquals("same-domain", lineage.trap("gpt2-b-ft-lic", "gpt2-a-ft-lic-fp16"));
        // related models are never traps, and the shared pre-training corpus is not a fine-tuning text
        assertNull(lineage.trap("llama-a-py-heavy", "llama-a"));
        assertNull(lineage.trap("llama-a-ft-lic-ft-py-ft-man", "llama-b"));
        assertNull(lineage.domain("llama-a-merge"));
        assertEquals("licences", lineage.domain("llama-a-ft-lic-tampered-config"));
    }
}
