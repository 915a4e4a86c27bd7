package dev.pedigree.model.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelCardTest {
    private static List<String> bases(String card) {
        return ModelCard.frontMatter(card).getOrDefault("base_model", List.of());
    }

    @Test
    void scalarPlainAndQuoted() {
        assertEquals(List.of("meta-llama/Llama-3.1-8B"), bases("---\nlicense: mit\nbase_model: meta-llama/Llama-3.1-8B\n---\n# Card\n"));
        assertEquals(List.of("Qwen/Qwen2-0.5B"), bases("---\nbase_model: \"Qwen/Qwen2-0.5B\"   # the parent\n---\n"));
        assertEquals(List.of("it's/quoted"), bases("---\nbase_model: 'it''s/quoted'\n---\n"));
    }

    @Test
    void blockListsAtEitherIndentAndFlowLists() {
        assertEquals(List.of("a/one", "b/two"), bases("---\nbase_model:\n- a/one\n- b/two\ntags:\n- merge\n---\n"));
        assertEquals(List.of("a/one", "b/two"), bases("---\nbase_model:\n  - a/one\n  # a comment\n  - \"b/two\"\nlicense: mit\n---\n"));
        assertEquals(List.of("a/one", "b/two"), bases("---\nbase_model: [a/one, 'b/two']\n---\n"));
        assertEquals(List.of("a/one", "b/two", "c/three"), bases("---\nbase_model: [a/one,\n  b/two,\n  c/three]\n---\n"));
    }

    @Test
    void windowsLineEndingsBomAndDotsTerminator() {
        assertEquals(List.of("x/y"), bases("\uFEFF---\r\nbase_model: x/y\r\nbase_model_relation: quantized\r\n...\r\nbody"));
        assertEquals(Map.of("base_model", List.of("x/y"), "base_model_relation", List.of("quantized")),
                ModelCard.frontMatter("---\r\nbase_model: x/y\r\nbase_model_relation: quantized\r\n...\r\n"));
    }

    @Test
    void noFrontMatterUnclosedOrNullValuesGiveNothing() {
        assertEquals(List.of(), bases("# Title\nbase_model: not/front-matter\n"));
        assertEquals(List.of(), bases("---\nbase_model: unclosed/front-matter\n"));
        assertEquals(List.of(), bases("---\nbase_model: null\n---\n"));
        assertEquals(List.of(), bases("---\nbase_model: ~\n---\n"));
        assertEquals(List.of(), bases(""));
    }

    @Test
    void nestedMapsAreSkippedWithoutConfusingKeys() {
        String card = "---\nmodel-index:\n- name: m\n  results:\n  - task: {type: x}\n    base_model: nested/not-top\nbase_model: top/level\n---\n";
        assertEquals(List.of("top/level"), bases(card));
        assertEquals(List.of(), ModelCard.frontMatter(card).get("model-index"), "a list of maps is not a list of names");
    }

    @Test
    void claimsAndTheRelationTheyImply() {
        DeclaredLineage merge = new DeclaredLineage(ModelCard.claims("---\nbase_model:\n- a/one\n- b/two\n---\n"));
        assertEquals(List.of("a/one", "b/two"), merge.baseModels());
        assertEquals(Optional.of("merge"), merge.relation(), "two or more base models mean a merge");
        assertTrue(merge.claims().stream().allMatch(c -> c.origin().equals(ModelCard.ORIGIN)));

        DeclaredLineage quant = new DeclaredLineage(ModelCard.claims("---\nbase_model: a/one\nbase_model_relation: quantized\n---\n"));
        assertEquals(Optional.of("quantized"), quant.relation());
        assertEquals(Optional.empty(), new DeclaredLineage(ModelCard.claims("---\nbase_model: a/one\n---\n")).relation());
    }
}
