package dev.pedigree.model.safetensors;

import dev.pedigree.model.ModelFormat;
import dev.pedigree.error.MessageText;
import dev.pedigree.model.ModelFormatException;
import dev.pedigree.model.ModelReader;
import dev.pedigree.model.StoredTensor;
import dev.pedigree.model.TensorContainer;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a single {@code .safetensors} file, or a sharded checkpoint through its
 * {@code *.safetensors.index.json}. Each file is mapped whole into one shared arena per container
 * and its header validated before any tensor is handed out; tensors are slices of the mapping, so
 * reading one touches only its own bytes.
 *
 * <p>Tensors come in data order within a file; a sharded checkpoint lists its shards in name order.
 * Metadata is the file's {@code __metadata__}; for a sharded checkpoint, the shards'
 * {@code __metadata__} (the first shard naming a key wins) overlaid by the index's {@code metadata}.
 * A file changed on disk while mapped cannot be guarded against: the JVM reports it as an internal
 * error on access.
 */
public final class SafetensorsReader implements ModelReader {
    private static final String INDEX_SUFFIX = ".safetensors.index.json";

    @Override
    public ModelFormat format() {
        return ModelFormat.SAFETENSORS;
    }

    @Override
    public TensorContainer open(Path file) {
        Arena arena = Arena.ofShared();
        try {
            return file.getFileName() != null && file.getFileName().toString().endsWith(INDEX_SUFFIX)
                    ? openSharded(file, arena)
                    : openSingle(file, arena);
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private static TensorContainer openSingle(Path file, Arena arena) {
        List<StoredTensor> tensors = new ArrayList<>();
        SafetensorsHeader header = mapAndParse(file, arena, tensors);
        return new SafetensorsContainer(file, tensors, new LinkedHashMap<>(header.metadata()), arena);
    }

    private static TensorContainer openSharded(Path indexFile, Arena arena) {
        ShardIndex index = ShardIndex.read(indexFile);
        List<StoredTensor> tensors = new ArrayList<>();
        Map<String, Object> metadata = new LinkedHashMap<>();
        Map<String, String> shardOf = new HashMap<>();
        for (Map.Entry<String, Path> shard : index.shards().entrySet()) {
            int before = tensors.size();
            SafetensorsHeader header = mapAndParse(shard.getValue(), arena, tensors);
            header.metadata().forEach(metadata::putIfAbsent);
            for (StoredTensor t : tensors.subList(before, tensors.size())) {
                String previous = shardOf.putIfAbsent(t.name(), shard.getKey());
                if (previous != null) {
                    throw new ModelFormatException(indexFile, "tensor " + MessageText.quoted(t.name())
                            + " appears in both shard " + MessageText.quoted(previous)
                            + " and shard " + MessageText.quoted(shard.getKey()));
                }
            }
        }
        for (Map.Entry<String, String> e : index.weightMap().entrySet()) {
            if (!e.getValue().equals(shardOf.get(e.getKey()))) {
                throw new ModelFormatException(indexFile, "weight_map puts tensor " + MessageText.quoted(e.getKey())
                        + " in shard " + MessageText.quoted(e.getValue()) + ", which does not hold it");
            }
        }
        metadata.putAll(index.metadata());
        return new SafetensorsContainer(indexFile, tensors, metadata, arena);
    }

    /** Maps one file into {@code arena}, validates its header and appends its tensors in data order. */
    private static SafetensorsHeader mapAndParse(Path file, Arena arena, List<StoredTensor> out) {
        MemorySegment whole;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            whole = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
        } catch (IOException | UnsupportedOperationException e) {
            throw new ModelFormatException(file, "cannot map file: " + MessageText.oneLine(e.toString()), e);
        }
        PageAdvice.random(whole);
        SafetensorsHeader header = SafetensorsHeader.parse(file, whole);
        MemorySegment data = whole.asSlice(header.dataStart());
        for (HeaderEntry entry : header.entries()) {
            out.add(new SafetensorsTensor(entry, data.asSlice(entry.begin(), entry.end() - entry.begin())));
        }
        return header;
    }
}
