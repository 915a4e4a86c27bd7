package dev.pedigree.blackbox;

import dev.pedigree.blackbox.onnx.OnnxCausalLanguageModel;
import java.nio.file.Files;
import java.nio.file.Path;

/** The zoo's tiny causal LMs with recorded lineage (src/test/resources/zoo, lineage.json there). */
public final class ZooModels {
    public static final Path ROOT = Path.of("src", "test", "resources", "zoo", "models");

    private ZooModels() {
    }

    public static OnnxCausalLanguageModel open(String name, int batchSize) {
        Path dir = ROOT.resolve(name);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("zoo model " + name + " not found at " + dir.toAbsolutePath());
        }
        return OnnxCausalLanguageModel.open(name, dir.resolve("onnx/model.onnx"), dir.resolve("tokenizer.json"),
                dir.resolve("config.json"), batchSize);
    }
}
