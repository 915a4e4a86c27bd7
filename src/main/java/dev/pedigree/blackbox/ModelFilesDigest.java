package dev.pedigree.blackbox;

import dev.pedigree.model.digest.ModelDigester;
import dev.pedigree.model.source.SourceEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The content digest of the files a local backend loads (its ONNX graph and tokenizer), computed by
 * {@link ModelDigester} (per-file SHA-256 kept in the pedigree cache, so a large model is hashed once),
 * and the hash of texts used in cache keys.
 */
public final class ModelFilesDigest {
    private ModelFilesDigest() {
    }

    /** The digest of {@code files}, in the order given (each named by its file name). */
    public static String of(Path... files) {
        List<ModelDigester.Entry> entries = new ArrayList<>();
        for (Path file : files) {
            entries.add(new ModelDigester.Entry(file.getFileName().toString(), file));
        }
        return new ModelDigester(SourceEnvironment.system().pedigreeCache()).digest(entries).sha256();
    }

    /** Lower-case hex SHA-256 of a text's UTF-8 bytes (cache keys). */
    public static String ofText(String text) {
        return dev.pedigree.blackbox.prompts.PromptSet.sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
