package dev.pedigree.blackbox.onnx;

import dev.pedigree.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files an in-process model needs, found in the layouts models ship in: a Hugging Face folder with
 * an ONNX export ({@code DIR/onnx/model.onnx} or {@code DIR/model.onnx}, {@code DIR/tokenizer.json},
 * {@code DIR/config.json}), or a model packed the way the Maven-hosted encoders are
 * ({@code NAME.onnx} beside {@code NAME-tokenizer.json}). {@code config} is null when there is none.
 */
public record OnnxModelFiles(String name, Path onnx, Path tokenizer, Path config) {
    public static OnnxModelFiles locate(Path path) {
        Path onnx = Files.isDirectory(path) ? onnxIn(path) : path;
        if (!Files.isRegularFile(onnx) || !onnx.getFileName().toString().endsWith(".onnx")) {
            throw new BadInputException(path + ": not an .onnx file or a folder holding one");
        }
        Path dir = onnx.toAbsolutePath().getParent();
        String stem = onnx.getFileName().toString().replaceFirst("\\.onnx$", "");
        // an export in DIR/onnx/ keeps its tokenizer and config one level up
        Path home = dir.getFileName() != null && dir.getFileName().toString().equals("onnx") ? dir.getParent() : dir;
        Path tokenizer = first(dir.resolve(stem + "-tokenizer.json"), dir.resolve("tokenizer.json"),
                home.resolve("tokenizer.json"));
        if (tokenizer == null) {
            throw new BadInputException(onnx + ": no tokenizer found (looked for " + stem
                    + "-tokenizer.json and tokenizer.json beside it" + (home.equals(dir) ? "" : " and in " + home) + ")");
        }
        Path config = first(dir.resolve("config.json"), home.resolve("config.json"));
        String name = stem.equals("model") ? home.getFileName().toString() : stem;
        return new OnnxModelFiles(name, onnx, tokenizer, config);
    }

    private static Path onnxIn(Path dir) {
        Path nested = first(dir.resolve("onnx").resolve("model.onnx"), dir.resolve("model.onnx"));
        if (nested != null) {
            return nested;
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> onnx = files.filter(p -> p.getFileName().toString().endsWith(".onnx")).sorted().toList();
            if (onnx.size() != 1) {
                throw new BadInputException(dir + ": black-box queries run an ONNX export: expected one .onnx file (or"
                        + " onnx/model.onnx), found " + onnx.size());
            }
            return onnx.getFirst();
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot list the folder: " + e.getMessage(), e);
        }
    }

    private static Path first(Path... candidates) {
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
