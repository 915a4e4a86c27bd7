package dev.pedigree.compare;

import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.TensorStore;
import dev.pedigree.tokenizer.Vocabulary;
import java.nio.file.Path;
import java.util.Map;

/**
 * One model as the comparison needs it.
 *
 * @param config        parsed config.json, or null (then the architecture's declared facts are used)
 * @param vocabulary    its vocabulary, or null when none was found
 * @param tokenizerJson the tokenizer file, needed to encode MPK's EAS anchors; null without one
 */
public record CompareSide(String label, TensorStore store, ArchitectureSpec architecture, Map<String, Object> config,
        Vocabulary vocabulary, Path tokenizerJson) {
}
