package dev.pedigree.model.onnx;

import dev.pedigree.model.ModelFormatException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The external data files a model names, each mapped once into the container's arena. A location
 * must be a relative path below the model's directory: absolute paths, {@code ..} segments and
 * links that resolve outside the directory are refused, since a model file must not make the reader
 * open arbitrary files.
 */
final class ExternalDataFiles {
    private final Path modelFile;
    private final Path directory;
    private final Arena arena;
    private final Map<Path, MemorySegment> mapped = new HashMap<>();

    ExternalDataFiles(Path modelFile, Arena arena) {
        this.modelFile = modelFile;
        Path parent = modelFile.toAbsolutePath().getParent();
        this.directory = parent == null ? Path.of("/") : parent;
        this.arena = arena;
    }

    MemorySegment map(String location, String tensor) {
        Path target = checkedLocation(location, tensor);
        MemorySegment segment = mapped.get(target);
        if (segment == null) {
            try (FileChannel channel = FileChannel.open(target, StandardOpenOption.READ)) {
                segment = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
            } catch (IOException e) {
                throw fail(tensor, "cannot read external data file '" + location + "': " + e.getMessage());
            }
            mapped.put(target, segment);
        }
        return segment;
    }

    private Path checkedLocation(String location, String tensor) {
        if (location.isEmpty() || location.indexOf('\0') >= 0) {
            throw fail(tensor, "external data location is empty or contains NUL");
        }
        if (location.startsWith("/") || location.startsWith("\\") || location.matches("^[A-Za-z]:.*")) {
            throw fail(tensor, "external data location '" + location + "' is an absolute path");
        }
        for (String part : location.split("[/\\\\]")) {
            if (part.equals("..")) {
                throw fail(tensor, "external data location '" + location + "' leaves the model directory (..)");
            }
        }
        Path resolved;
        Path realDirectory;
        try {
            resolved = directory.resolve(location).toRealPath();
            realDirectory = directory.toRealPath();
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw fail(tensor, "external data file '" + location + "' not found beside the model");
        }
        if (!resolved.startsWith(realDirectory)) {
            throw fail(tensor, "external data location '" + location + "' is a link leading outside the model directory");
        }
        if (!Files.isRegularFile(resolved)) {
            throw fail(tensor, "external data location '" + location + "' is not a regular file");
        }
        return resolved;
    }

    private ModelFormatException fail(String tensor, String problem) {
        return new ModelFormatException(modelFile, "tensor '" + tensor + "': " + problem);
    }
}
