package dev.pedigree.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.model.open.FormatWiring;
import dev.pedigree.model.open.Model;
import dev.pedigree.model.open.ModelOpener;
import dev.pedigree.model.source.ModelLocator;
import dev.pedigree.model.source.SourceEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zoo's labelled models ({@code src/test/resources/zoo/lineage.json}): with the bases in a
 * database, every child that inherits its weights from one base finds that base first by weights,
 * and every base finds no other base by weights (the independent same-configuration runs). Children
 * that share no initialisation with their base (distillation) are left to the black-box test; the
 * renamed-tensor copy, whose tensors no role map names, must come out inconclusive, never unrelated.
 * Runs when the zoo fixtures are in the tree.
 */
class ZooScanTest {
    private static final Path ZOO = Path.of("src/test/resources/zoo");
    @TempDir
    static Path db;
    private static JsonNode models;
    private static final ModelOpener OPENER = new ModelOpener(new ModelLocator(SourceEnvironment.system(), new PrintWriter(new StringWriter())),
            FormatWiring.standard());

    @BeforeAll
    static void bases() throws IOException {
        assumeTrue(Files.isRegularFile(ZOO.resolve("lineage.json")), "zoo fixtures not in this tree");
        models = new ObjectMapper().readTree(ZOO.resolve("lineage.json").toFile()).path("models");
        for (JsonNode m : models) {
            if (m.path("parents").isEmpty()) {
                FingerprintDatabase.put(db, fingerprint(m));
            }
        }
    }

    private static Fingerprint fingerprint(JsonNode m) {
        String spec = ZOO.resolve(m.path("path").asText()).toString();
        try (Model model = OPENER.open(spec)) {
            return new FingerprintExtractor("test", SyntheticModels.CLOCK).extract(model, spec, m.path("id").asText(), null,
                    new PrintWriter(new StringWriter()));
        }
    }

    private static ScanResult scan(JsonNode m) {
        return new FingerprintScan(EntryComparison.withDefaults()).scan(fingerprint(m), FingerprintDatabase.load(db), 5,
                new LinkedHashMap<>());
    }

    @Test
    void everyWeightInheritingChildFindsItsBaseFirst() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        int unmapped = 0;
        for (JsonNode m : models) {
            if (m.path("parents").isEmpty() || m.path("relation").asText().startsWith("distilled") || m.path("roots").size() != 1) {
                continue;
            }
            String root = m.path("roots").get(0).asText();
            Fingerprint query = fingerprint(m);
            ScanResult r = new FingerprintScan(EntryComparison.withDefaults()).scan(query, FingerprintDatabase.load(db), 5,
                    new LinkedHashMap<>());
            if (query.weights().anchors() == null) {
                // Tensors the role maps cannot name (renamed to another scheme): no weight claim either way, and said so.
                assertTrue(r.matches().stream().noneMatch(x -> ModelIdentity.WEIGHTS.equals(x.matchType())), m.path("id").asText());
                assertTrue(r.nearest().stream().allMatch(x -> x.verdict().equals("inconclusive")
                        && x.evidence().get(0).startsWith("no input embedding")), r.nearest().toString());
                unmapped++;
                continue;
            }
            checked++;
            // The short list's premise: the base is the first pass's best sketch, not only the test's best match.
            FingerprintDatabase loaded = FingerprintDatabase.load(db);
            double[] sim = new FingerprintScan(EntryComparison.withDefaults()).shortlist(query, loaded, 5).similarity();
            int best = FingerprintScan.topIndices(sim, 1)[0];
            if (!loaded.entries().get(best).model().name().equals(root)) {
                failures.add(m.path("id").asText() + ": first-pass best sketch is " + loaded.entries().get(best).model().name());
            }
            if (r.matches().isEmpty() || !r.matches().get(0).model().name().equals(root)
                    || !ModelIdentity.WEIGHTS.equals(r.matches().get(0).matchType())) {
                failures.add(m.path("id").asText() + " (" + m.path("relation").asText() + "): expected " + root + " first, got "
                        + r.matches().stream().map(x -> x.model().name() + "/" + x.matchType()).toList());
            }
        }
        assertTrue(checked >= 8, "checked " + checked);
        assertTrue(unmapped <= 1, "unmapped " + unmapped);
        assertEquals(List.of(), failures);
    }

    @Test
    void independentBasesAreNoWeightMatchForEachOther() {
        for (JsonNode m : models) {
            if (!m.path("parents").isEmpty()) {
                continue;
            }
            ScanResult r = scan(m);
            assertEquals(List.of(m.path("id").asText()), r.identical().stream().map(ModelIdentity::name).toList());
            assertTrue(r.matches().stream().noneMatch(x -> ModelIdentity.WEIGHTS.equals(x.matchType())),
                    m.path("id").asText() + ": " + r.matches());
        }
    }
}
