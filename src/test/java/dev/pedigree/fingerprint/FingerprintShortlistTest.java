package dev.pedigree.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.bench.SyntheticTransformer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first pass's short list: the best {@code max(20, 4k)} by sketch, plus the hash matches no sketch
 * can rank (metadata-only entries); weight entries that merely share the query's configuration hashes
 * are ranked by their sketch like any other.
 */
class FingerprintShortlistTest {
    @TempDir
    Path db;

    @Test
    void bestSketchesPlusHashMatchesWithoutASketch() {
        // 25 independent runs of the query's configuration: every one shares its arch_hash.
        for (int i = 0; i < 25; i++) {
            FingerprintDatabase.put(db, SyntheticModels.fingerprint(SyntheticTransformer.random(600, 32, 2, 64, 2, 100 + i), "run" + i));
        }
        for (int i = 0; i < 2; i++) {
            Fingerprint f = SyntheticModels.fingerprint(SyntheticTransformer.random(600, 32, 2, 64, 2, 200 + i), "meta" + i);
            ModelIdentity m = f.model();
            FingerprintDatabase.put(db, new Fingerprint(f.schemaVersion(), f.toolVersion(), f.createdAt(), f.environment(),
                    new ModelIdentity(m.key(), m.digest(), m.name(), m.source(), m.family(), m.format(), ModelIdentity.METADATA_ONLY, m.origin()),
                    f.mfi(), f.tokenizer(), null, null));
        }
        FingerprintDatabase loaded = FingerprintDatabase.load(db);
        Fingerprint query = SyntheticModels.fingerprint(SyntheticTransformer.random(600, 32, 2, 64, 2, 300), "query");
        assertTrue(loaded.entries().stream().allMatch(e -> query.mfiString("arch_hash").equals(e.archHash())));

        FingerprintScan.Shortlist s = new FingerprintScan(EntryComparison.withDefaults()).shortlist(query, loaded, 5);
        List<String> names = Arrays.stream(s.picked()).mapToObj(i -> loaded.entries().get(i).model().name()).toList();
        assertEquals(FingerprintScan.MIN_SHORTLIST + 2, names.size(), names.toString());
        assertEquals(Set.of("meta0", "meta1"), Set.copyOf(names.subList(FingerprintScan.MIN_SHORTLIST, names.size())));
        // The sketch's picks are the 20 highest similarities, best first.
        double[] sorted = Arrays.stream(s.similarity()).filter(x -> !Double.isNaN(x)).sorted().toArray();
        double twentieth = sorted[sorted.length - FingerprintScan.MIN_SHORTLIST];
        for (int k = 0; k < FingerprintScan.MIN_SHORTLIST; k++) {
            assertTrue(s.similarity()[s.picked()[k]] >= twentieth);
            assertTrue(k == 0 || s.similarity()[s.picked()[k]] <= s.similarity()[s.picked()[k - 1]]);
        }
        Set<String> left = loaded.entries().stream().map(e -> e.model().name()).filter(n -> !names.contains(n)).collect(Collectors.toSet());
        assertEquals(5, left.size(), left.toString());
    }
}
