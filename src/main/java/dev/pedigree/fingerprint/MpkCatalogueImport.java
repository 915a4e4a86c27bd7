package dev.pedigree.fingerprint;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads MPK's catalogue ({@code database/features/base/by-family/FAMILY/*_features.json} with the
 * per-family {@code catalog/by-family/FAMILY.json}) into metadata-and-tokenizer-only entries. MPK's
 * {@code mfi} block is kept as MPK wrote it, so its {@code arch_hash} and {@code family_hash} match
 * ours for the same configuration; its weight signals live in parquet files that are not part of the
 * catalogue, so these entries carry no weights and can never confirm lineage.
 */
public final class MpkCatalogueImport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MpkCatalogueImport() {
    }

    /** Every catalogue model as an entry (without its hash), in path order. */
    public static List<Fingerprint> read(Path database, String toolVersion) {
        Path features = database.resolve("features/base/by-family");
        if (!Files.isDirectory(features)) {
            throw new BadInputException(database + ": not MPK's database directory (no features/base/by-family/)");
        }
        Map<String, JsonNode> assets = catalogueAssets(database.resolve("catalog/by-family"));
        List<Path> files;
        try (Stream<Path> s = Files.walk(features, 2)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(features + ": cannot list: " + e.getMessage());
        }
        List<Fingerprint> out = new ArrayList<>();
        for (Path f : files) {
            out.add(entry(f, assets, toolVersion));
        }
        return out;
    }

    private static Fingerprint entry(Path file, Map<String, JsonNode> assets, String toolVersion) {
        Map<String, Object> root;
        try {
            root = JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (IOException e) {
            throw new BadInputException(file + ": not valid JSON: " + e.getMessage());
        }
        String assetId = text(root, "asset_id", file);
        Map<String, Object> mfi = map(root.get("mfi"), "mfi", file);
        if (mfi.get("arch_hash") == null) {
            throw new BadInputException(file + ": no mfi.arch_hash, so not an MPK feature file");
        }
        Map<String, Object> tfv = map(root.get("tfv"), "tfv", file);
        int vocabSize = root.get("vocab") instanceof Map<?, ?> v && v.get("size") instanceof Number n ? n.intValue()
                : tfv.get("vocab_size") instanceof Number n2 ? n2.intValue() : 0;
        JsonNode asset = assets.get(assetId);
        String source = asset == null ? null : asset.path("source_uri").asText(null);
        String format = asset == null ? null : asset.path("format").asText(null);
        String name = asset == null ? text(root, "model_id", file) : asset.path("canonical_name").asText(text(root, "model_id", file));
        ModelIdentity id = new ModelIdentity("mpk:" + assetId, null, name, source, (String) root.get("family_id"), format,
                ModelIdentity.METADATA_ONLY, ModelIdentity.MPK_CATALOGUE);
        TokenizerSummary tok = new TokenizerSummary((String) mfi.get("tokenizer_hash"), vocabSize, null, tfv);
        return new Fingerprint(Fingerprint.SCHEMA_VERSION, toolVersion, String.valueOf(root.get("updated_at")),
                FingerprintExtractor.environment(), id, mfi, tok, null, null);
    }

    private static Map<String, JsonNode> catalogueAssets(Path catalog) {
        Map<String, JsonNode> out = new HashMap<>();
        if (!Files.isDirectory(catalog)) {
            return out;
        }
        try (Stream<Path> s = Files.list(catalog)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode a : JSON.readTree(p.toFile()).path("assets")) {
                    out.put(a.path("asset_id").asText(), a);
                }
            }
        } catch (IOException e) {
            throw new BadInputException(catalog + ": cannot read the catalogue: " + e.getMessage());
        }
        return out;
    }

    private static String text(Map<String, Object> root, String key, Path file) {
        if (!(root.get(key) instanceof String s)) {
            throw new BadInputException(file + ": no " + key + ", so not an MPK feature file");
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String key, Path file) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new BadInputException(file + ": no " + key + " block, so not an MPK feature file");
        }
        return new LinkedHashMap<>((Map<String, Object>) m);
    }
}
