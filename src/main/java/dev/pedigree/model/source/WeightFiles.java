package dev.pedigree.model.source;

import dev.pedigree.error.BadInputException;
import dev.pedigree.model.ModelFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Chooses the weight file of a model directory, deterministically, and says why. Order: a sharded
 * safetensors index, {@code model.safetensors}, the only {@code *.safetensors}; the only
 * {@code *.gguf}; {@code model.onnx}, {@code onnx/model.onnx} (optimum exports), the only
 * {@code *.onnx} at the top or in {@code onnx/}. Several candidates of one kind with no canonical
 * name are refused rather than guessed. Pickle checkpoints are refused, never opened.
 */
final class WeightFiles {
    /** A chosen weight file. */
    record Choice(Path file, ModelFormat format, String reason) {
    }

    private static final List<String> PICKLE_SUFFIXES = List.of(".bin", ".pt", ".pth", ".ckpt", ".pkl", ".pickle");

    private WeightFiles() {
    }

    /** The format of a weight file named directly, or a refusal naming the file. */
    static Choice ofFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".safetensors.index.json")) {
            return new Choice(file, ModelFormat.SAFETENSORS, "sharded safetensors index given");
        }
        if (name.endsWith(".safetensors")) {
            return new Choice(file, ModelFormat.SAFETENSORS, "safetensors file given");
        }
        if (name.endsWith(".gguf")) {
            return new Choice(file, ModelFormat.GGUF, "gguf file given");
        }
        if (name.endsWith(".onnx")) {
            return new Choice(file, ModelFormat.ONNX, "onnx file given");
        }
        if (isPickle(name)) {
            throw pickleRefusal(file);
        }
        throw new BadInputException(file + ": not a model file pedigree reads (expected .safetensors, .gguf or .onnx)");
    }

    /** The weight file of a model directory. */
    static Choice inDirectory(Path dir) {
        Path index = dir.resolve("model.safetensors.index.json");
        if (Files.isRegularFile(index)) {
            return new Choice(index, ModelFormat.SAFETENSORS, "sharded: model.safetensors.index.json");
        }
        Path single = dir.resolve("model.safetensors");
        if (Files.isRegularFile(single)) {
            return new Choice(single, ModelFormat.SAFETENSORS, "model.safetensors");
        }
        List<Path> top = listFiles(dir);
        Choice only = onlyOne(dir, top, ".safetensors", ModelFormat.SAFETENSORS);
        if (only != null) {
            return only;
        }
        only = onlyOne(dir, top, ".gguf", ModelFormat.GGUF);
        if (only != null) {
            return only;
        }
        for (String canonical : new String[] {"model.onnx", "onnx/model.onnx"}) {
            Path p = dir.resolve(canonical);
            if (Files.isRegularFile(p)) {
                return new Choice(p, ModelFormat.ONNX, canonical);
            }
        }
        only = onlyOne(dir, top, ".onnx", ModelFormat.ONNX);
        if (only != null) {
            return only;
        }
        Path onnxDir = dir.resolve("onnx");
        if (Files.isDirectory(onnxDir)) {
            only = onlyOne(dir, listFiles(onnxDir), ".onnx", ModelFormat.ONNX);
            if (only != null) {
                return only;
            }
        }
        for (Path p : top) {
            if (isPickle(p.getFileName().toString().toLowerCase(Locale.ROOT))) {
                throw pickleRefusal(p);
            }
        }
        throw new BadInputException(dir + ": no model weights found (looked for *.safetensors, *.gguf, *.onnx and onnx/*.onnx)");
    }

    /** The model's tokenizer.json: {@code tokenizer.json}, else the only {@code *tokenizer.json}; null when none. */
    static Path tokenizer(Path dir) {
        Path plain = dir.resolve("tokenizer.json");
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        List<Path> named = listFiles(dir).stream().filter(p -> p.getFileName().toString().endsWith("tokenizer.json")).toList();
        return named.size() == 1 ? named.getFirst() : null;
    }

    private static Choice onlyOne(Path dir, List<Path> files, String suffix, ModelFormat format) {
        List<Path> matches = files.stream().filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(suffix)).toList();
        if (matches.isEmpty()) {
            return null;
        }
        if (matches.size() > 1) {
            List<String> names = matches.stream().map(p -> dir.relativize(p).toString()).toList();
            throw new BadInputException(dir + ": several " + suffix + " files and no canonical one " + names + "; name the file to inspect");
        }
        Path p = matches.getFirst();
        return new Choice(p, format, "the only " + suffix + " file: " + dir.relativize(p));
    }

    private static List<Path> listFiles(Path dir) {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isRegularFile).forEach(out::add);
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot list the directory: " + e.getMessage());
        }
        out.sort(null);
        return out;
    }

    private static boolean isPickle(String lowerName) {
        return PICKLE_SUFFIXES.stream().anyMatch(lowerName::endsWith);
    }

    private static BadInputException pickleRefusal(Path file) {
        return new BadInputException(file + ": a pickle checkpoint, which pedigree never opens (loading it can run code); "
                + "convert it to safetensors (e.g. safetensors' convert script, or save_pretrained(safe_serialization=True)) and inspect that");
    }
}
