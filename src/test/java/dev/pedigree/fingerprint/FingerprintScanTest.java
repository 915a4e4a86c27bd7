package dev.pedigree.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.bench.SyntheticTransformer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scan over synthetic models of known lineage: two bases of one configuration and one of another;
 * a noisy fine-tune and a permuted copy of base A must find A first by weights; an independent run
 * of A's configuration must find no weight match.
 */
class FingerprintScanTest {
    @TempDir
    static Path db;
    private static SyntheticTransformer baseA;

    @BeforeAll
    static void database() {
        baseA = SyntheticTransformer.random(800, 48, 4, 96, 3, 11);
        FingerprintDatabase.put(db, SyntheticModels.fingerprint(baseA, "base-a"));
        FingerprintDatabase.put(db, SyntheticModels.fingerprint(SyntheticTransformer.random(800, 48, 4, 96, 3, 12), "base-b"));
        FingerprintDatabase.put(db, SyntheticModels.fingerprint(SyntheticTransformer.random(800, 64, 4, 128, 2, 13), "base-c"));
    }

    private static ScanResult scan(SyntheticTransformer query, String name) {
        return new FingerprintScan(EntryComparison.withDefaults()).scan(SyntheticModels.fingerprint(query, name), FingerprintDatabase.load(db),
                5, new LinkedHashMap<>());
    }

    @Test
    void noisyFineTuneFindsItsBaseFirstByWeights() {
        ScanResult r = scan(baseA.noisy(0.3, 21), "ft");
        assertFalse(r.matches().isEmpty(), () -> r.nearest().toString());
        ScanMatch first = r.matches().get(0);
        assertEquals("base-a", first.model().name());
        assertEquals(ModelIdentity.WEIGHTS, first.matchType());
        assertTrue(first.pValue() < 1e-4, "p " + first.pValue());
        assertTrue(r.matches().stream().noneMatch(m -> m.model().name().equals("base-b")));
    }

    @Test
    void permutedCopyFindsItsBaseFirstByWeights() {
        ScanResult r = scan(baseA.permuted(5), "perm");
        assertEquals("base-a", r.matches().get(0).model().name());
        assertEquals(ModelIdentity.WEIGHTS, r.matches().get(0).matchType());
        assertTrue(r.matches().get(0).score() > 0.99, "score " + r.matches().get(0).score());
    }

    @Test
    void independentRunOfTheSameConfigurationIsNoWeightMatch() {
        ScanResult r = scan(SyntheticTransformer.random(800, 48, 4, 96, 3, 99), "independent");
        assertTrue(r.matches().stream().noneMatch(m -> ModelIdentity.WEIGHTS.equals(m.matchType())), () -> r.matches().toString());
        ScanMatch a = r.nearest().stream().filter(m -> m.model().name().equals("base-a")).findFirst().orElseThrow();
        assertNotEquals("related", a.verdict());
        assertTrue(a.score() < 0.3, "held-out correlation " + a.score());
    }

    @Test
    void sketchIsUnchangedByPermutationAndSeparatesIndependentRuns() {
        float[] base = SyntheticModels.fingerprint(baseA, "a").weights().sketch();
        float[] perm = SyntheticModels.fingerprint(baseA.permuted(9), "p").weights().sketch();
        float[] indep = SyntheticModels.fingerprint(SyntheticTransformer.random(800, 48, 4, 96, 3, 98), "i").weights().sketch();
        double same = WeightSketch.similarity(base, perm);
        double other = WeightSketch.similarity(base, indep);
        assertTrue(same > 0.99, "permuted copy " + same);
        assertTrue(same > other, same + " vs independent " + other);
    }
}
