package dev.pedigree.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.bench.SyntheticTransformer;
import dev.pedigree.signals.mpk.MfiHashes;
import dev.pedigree.testing.SharedReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MPK's catalogue imported as metadata-only entries whose hashes still match MPK's. */
class MpkCatalogueImportTest {
    @TempDir
    Path db;

    @Test
    void everyCatalogueModelIsImportedWithItsHashesAndReadsBack() throws IOException {
        Path database = SharedReference.cisco().resolve("database");
        List<Fingerprint> imported = MpkCatalogueImport.read(database, "test");
        assertEquals(152, imported.size());
        imported.forEach(f -> FingerprintDatabase.put(db, f));
        FingerprintDatabase loaded = FingerprintDatabase.load(db);
        assertEquals(152, loaded.entries().size());
        assertTrue(loaded.warnings().isEmpty(), loaded.warnings().toString());

        Map<String, JsonNode> catalogue = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(database.resolve("features/base/by-family"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode n = new ObjectMapper().readTree(p.toFile());
                catalogue.put("mpk:" + n.path("asset_id").asText(), n);
            }
        }
        for (IndexEntry e : loaded.entries()) {
            Fingerprint f = loaded.read(e);
            JsonNode source = catalogue.get(f.model().key());
            assertEquals(ModelIdentity.METADATA_ONLY, f.model().kind());
            assertNull(f.weights());
            assertEquals(source.path("mfi").path("arch_hash").asText(), e.archHash());
            assertEquals(source.path("mfi").path("family_hash").asText(), e.familyHash());
            // The stored fields still hash to MPK's arch_hash after the JSON round trip.
            assertEquals(e.archHash(), MfiHashes.archHash(f.mfi()), f.model().name());
        }
    }

    /**
     * A query whose configuration hashes like a catalogue model's is reported as a metadata-only
     * match (tier 1), with no p-value and never as lineage.
     */
    @Test
    void catalogueArchHashMatchIsMetadataOnly() {
        Path database = SharedReference.cisco().resolve("database");
        Fingerprint yi = MpkCatalogueImport.read(database, "test").stream().filter(f -> f.model().name().equals("Yi-1.5-6B")).findFirst()
                .orElseThrow();
        FingerprintDatabase.put(db, yi);
        Fingerprint query = SyntheticModels.fingerprint(SyntheticTransformer.random(500, 16, 2, 32, 2, 1), "copied-config");
        Fingerprint withYiConfig = new Fingerprint(query.schemaVersion(), query.toolVersion(), query.createdAt(), query.environment(),
                query.model(), yi.mfi(), query.tokenizer(), query.weights(), null);
        ScanResult r = new FingerprintScan(EntryComparison.withDefaults()).scan(withYiConfig, FingerprintDatabase.load(db), 5,
                new LinkedHashMap<>());
        assertEquals(1, r.matches().size());
        ScanMatch m = r.matches().get(0);
        assertEquals("Yi-1.5-6B", m.model().name());
        assertEquals(ModelIdentity.METADATA_ONLY, m.matchType());
        assertEquals(1, m.mpk().mfiTier());
        assertTrue(Double.isNaN(m.pValue()));
        assertTrue(m.evidence().stream().anyMatch(l -> l.contains("not evidence of lineage")), m.evidence().toString());
    }
}
