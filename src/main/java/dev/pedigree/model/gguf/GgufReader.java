package dev.pedigree.model.gguf;

import dev.pedigree.model.ModelFormat;
import dev.pedigree.model.ModelFormatException;
import dev.pedigree.model.ModelReader;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads GGUF v2 and v3 files: maps the file once, parses and validates the whole header (see
 * {@link GgufHeaderParser}), and hands out tensors as slices of the mapping. Everything wrong with
 * the bytes is a {@link ModelFormatException} naming the file and the problem.
 */
public final class GgufReader implements ModelReader {
    public GgufReader() {
    }

    @Override
    public ModelFormat format() {
        return ModelFormat.GGUF;
    }

    @Override
    public GgufFile open(Path file) {
        Arena arena = Arena.ofShared();
        try {
            MemorySegment mapped;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
            }
            GgufFile parsed = new GgufHeaderParser(file, mapped).parse(arena);
            return parsed;
        } catch (IOException e) {
            arena.close();
            throw new ModelFormatException(file, "cannot read the file: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }
}
