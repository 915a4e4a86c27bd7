package dev.pedigree.compare;

import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.ModelFormat;
import dev.pedigree.model.TensorStore;
import dev.pedigree.model.open.Model;
import dev.pedigree.tokenizer.GgufVocabularyReader;
import dev.pedigree.tokenizer.TokenizerJsonReader;
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

    /** An opened model: config.json facts when it has them, its vocabulary from tokenizer.json or GGUF metadata. */
    public static CompareSide of(String label, Model m) {
        Vocabulary vocab = null;
        if (m.tokenizer() != null) {
            vocab = TokenizerJsonReader.read(m.tokenizer());
        } else if (m.format() == ModelFormat.GGUF) {
            vocab = GgufVocabularyReader.read(m.store().container().metadata()).orElse(null);
        }
        ArchitectureSpec arch = m.architecture();
        Map<String, Object> config = arch != null && "config.json".equals(arch.source()) ? arch.raw() : null;
        return new CompareSide(label, m.store(), arch, config, vocab, m.tokenizer());
    }
}
