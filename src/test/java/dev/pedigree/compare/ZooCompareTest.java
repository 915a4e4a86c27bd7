package dev.pedigree.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.model.open.FormatWiring;
import dev.pedigree.model.open.Model;
import dev.pedigree.model.open.ModelOpener;
import dev.pedigree.model.source.ModelLocator;
import dev.pedigree.model.source.SourceEnvironment;
import dev.pedigree.report.CompareReport;
import dev.pedigree.signals.WeightAlignment;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every labelled pair of the zoo fixtures (src/test/resources/zoo/pairs.csv and lineage.json,
 * committed by the zoo generator) through compare. A related pair whose models do not share an
 * initialisation (a distilled student starts from new random weights) cannot be seen in weights by
 * design — the black-box MPS test is for those — and is reported apart; so are pairs where a model's
 * tensors got no roles (nothing to compare). Every other label must come out right.
 */
class ZooCompareTest {
    private static final Path ZOO = Path.of("src/test/resources/zoo");
    /** Relations that start from fresh random weights. */
    private static final List<String> FRESH_INIT = List.of("none", "distilled");

    /** Per model, the model whose initialisation its weights carry (itself when trained from fresh weights). */
    private static Map<String, String> weightRoots() throws IOException {
        JsonNode models = new ObjectMapper().readTree(ZOO.resolve("lineage.json").toFile()).path("models");
        Map<String, JsonNode> byId = new HashMap<>();
        models.forEach(m -> byId.put(m.path("id").asText(), m));
        Map<String, String> roots = new HashMap<>();
        for (String id : byId.keySet()) {
            String cur = id;
            while (!FRESH_INIT.contains(byId.get(cur).path("relation").asText()) && byId.get(cur).path("parents").size() > 0) {
                cur = byId.get(cur).path("parents").get(0).asText();
            }
            roots.put(id, cur);
        }
        return roots;
    }

    private static Path locate(String id) {
        Path dir = ZOO.resolve("models").resolve(id);
        return Files.isDirectory(dir) ? dir : ZOO.resolve("gguf").resolve(id + ".gguf");
    }

    @Test
    void labelledPairsComeOutRight() throws IOException {
        Path pairs = ZOO.resolve("pairs.csv");
        assertTrue(Files.isRegularFile(pairs), "zoo fixtures missing: " + pairs);
        ModelOpener opener = new ModelOpener(new ModelLocator(SourceEnvironment.system(), new PrintWriter(System.err, true)),
                FormatWiring.standard());
        Map<String, String> roots = weightRoots();
        List<String> wrong = new ArrayList<>();
        List<String> apart = new ArrayList<>();
        int checked = 0;
        for (String line : Files.readAllLines(pairs).subList(1, Files.readAllLines(pairs).size())) {
            String[] f = line.split(",");
            Path a = locate(f[0]);
            Path b = locate(f[1]);
            if (!Files.exists(a) || !Files.exists(b)) {
                continue;
            }
            boolean related = Boolean.parseBoolean(f[2]);
            ComparisonResult r;
            try (Model ma = opener.open(a.toString()); Model mb = opener.open(b.toString())) {
                r = new ModelComparison(WeightAlignment.Settings.defaults(999, 1), Calibration.load(), m -> { })
                        .run(CompareSide.of(f[0], ma), CompareSide.of(f[1], mb));
            }
            checked++;
            Verdict expected = related ? Verdict.RELATED : Verdict.UNRELATED;
            String summary = String.format(Locale.ROOT, "%s vs %s [%s, related=%s]: %s p=%.3g matched=%.3f", f[0], f[1], f[3], related,
                    r.verdict().label(), r.pValue(), r.signals().get("units_matched_share"));
            System.out.println(summary);
            boolean visible = !related || roots.get(f[0]).equals(roots.get(f[1]));
            boolean unmapped = r.alignment().notes().stream().anyMatch(n -> n.startsWith("no input embedding"));
            if (!visible || unmapped) {
                apart.add(summary + (unmapped ? " (a model's tensors got no roles)" : " (no shared initialisation)"));
            } else if (r.verdict() != expected) {
                wrong.add(summary + "\n" + CompareReport.table(r));
            }
        }
        assertTrue(checked >= 40, "zoo pairs found on disk: " + checked);
        System.out.println("reported apart:\n  " + String.join("\n  ", apart));
        assertEquals(List.of(), wrong, "pairs with the wrong verdict");
        assertTrue(apart.size() < checked / 2, "most pairs must be decidable from weights: " + apart);
    }
}
