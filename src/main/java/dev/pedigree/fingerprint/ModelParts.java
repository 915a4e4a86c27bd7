package dev.pedigree.fingerprint;

import dev.pedigree.model.TensorStore;
import dev.pedigree.tokenizer.Vocabulary;
import java.nio.file.Path;
import java.util.Map;

/**
 * What extraction reads from a model.
 *
 * @param vocabulary    its vocabulary, or null
 * @param tokenizerJson its tokenizer file (MPK's EAS anchors need it to encode words), or null
 * @param config        config.json as parsed, or the declared architecture facts; empty when none
 * @param digest        the model's content digest
 * @param format        weight format, lower case
 */
public record ModelParts(TensorStore store, Vocabulary vocabulary, Path tokenizerJson, Map<String, Object> config, String digest,
        String format) {
}
