package dev.pedigree.model.safetensors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pedigree.error.MessageText;
import dev.pedigree.model.ModelFormatException;
import dev.pedigree.model.StrictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A sharded checkpoint's {@code model.safetensors.index.json}: {@code weight_map} (tensor name to
 * shard file name) and optional {@code metadata}. Shard names are resolved inside the index's
 * directory only: no {@code ..}, no absolute path, and no link whose target leaves the directory.
 * The one exception is the Hugging Face cache layout, where {@code snapshots/<commit>/} holds links
 * into the repository's {@code blobs/}: those targets are allowed too.
 *
 * @param shards    shard files (checked to resolve inside the allowed roots) by shard name, sorted by name
 * @param weightMap tensor name to shard name, as declared
 */
record ShardIndex(Map<String, Path> shards, Map<String, String> weightMap, Map<String, Object> metadata) {
    private static final long MAX_INDEX_BYTES = 100L * 1000 * 1000;

    static ShardIndex read(Path indexFile) {
        JsonNode root = StrictJson.readObject(indexFile, MAX_INDEX_BYTES, "index");
        JsonNode weightMapNode = root.get("weight_map");
        if (weightMapNode == null || !weightMapNode.isObject()) {
            throw new ModelFormatException(indexFile, "index has no weight_map object");
        }
        Map<String, String> weightMap = new LinkedHashMap<>();
        Map<String, Path> shards = new TreeMap<>();
        List<Path> allowedRoots = allowedRoots(indexFile);
        for (Map.Entry<String, JsonNode> e : weightMapNode.properties()) {
            if (!e.getValue().isTextual()) {
                throw new ModelFormatException(indexFile, "weight_map entry " + MessageText.quoted(e.getKey())
                        + " does not name a shard file");
            }
            String shard = e.getValue().textValue();
            weightMap.put(e.getKey(), shard);
            if (!shards.containsKey(shard)) {
                shards.put(shard, resolve(indexFile, allowedRoots, shard));
            }
        }
        if (shards.isEmpty()) {
            throw new ModelFormatException(indexFile, "index weight_map names no shard");
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        JsonNode metadataNode = root.get("metadata");
        if (metadataNode != null && metadataNode.isObject()) {
            for (Map.Entry<String, JsonNode> e : metadataNode.properties()) {
                Object value = scalar(e.getValue());
                if (value != null) {
                    metadata.put(e.getKey(), value);
                }
            }
        }
        return new ShardIndex(shards, weightMap, metadata);
    }

    private static Object scalar(JsonNode v) {
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        return null;
    }

    /** The index's own directory, and in a Hugging Face cache snapshot also the repository's blobs. */
    private static List<Path> allowedRoots(Path indexFile) {
        Path dir = indexFile.toAbsolutePath().normalize().getParent();
        List<Path> roots = new ArrayList<>();
        try {
            roots.add(dir.toRealPath());
            Path snapshots = dir.getParent();
            Path repo = snapshots == null ? null : snapshots.getParent();
            if (repo != null && snapshots.getFileName().toString().equals("snapshots")
                    && repo.getFileName().toString().startsWith("models--")
                    && Files.isDirectory(repo.resolve("blobs"))) {
                roots.add(repo.resolve("blobs").toRealPath());
            }
        } catch (IOException e) {
            throw new ModelFormatException(indexFile, "cannot resolve the model directory: " + MessageText.oneLine(e.toString()));
        }
        return roots;
    }

    private static Path resolve(Path indexFile, List<Path> allowedRoots, String shard) {
        String quoted = MessageText.quoted(shard);
        if (shard.isEmpty()) {
            throw new ModelFormatException(indexFile, "weight_map names an empty shard file name");
        }
        for (String part : shard.split("[/\\\\]", -1)) {
            if (part.equals("..")) {
                throw new ModelFormatException(indexFile, "shard path " + quoted + " contains '..' and would leave the model directory");
            }
        }
        Path relative;
        try {
            relative = Path.of(shard);
        } catch (InvalidPathException e) {
            throw new ModelFormatException(indexFile, "shard path " + quoted + " is not a valid file name");
        }
        if (relative.isAbsolute() || shard.startsWith("/") || shard.startsWith("\\") || shard.matches("^[A-Za-z]:.*")) {
            throw new ModelFormatException(indexFile, "shard path " + quoted + " is absolute; shards must lie in the model directory");
        }
        Path dir = indexFile.toAbsolutePath().normalize().getParent();
        Path candidate = dir.resolve(relative).normalize();
        if (!Files.isRegularFile(candidate)) {
            throw new ModelFormatException(indexFile, "shard " + quoted + " named in weight_map does not exist");
        }
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (IOException e) {
            throw new ModelFormatException(indexFile, "cannot resolve shard " + quoted + ": " + MessageText.oneLine(e.toString()));
        }
        for (Path root : allowedRoots) {
            if (real.startsWith(root)) {
                return candidate;
            }
        }
        throw new ModelFormatException(indexFile, "shard " + quoted + " is a link to " + real + ", outside the model directory");
    }
}
