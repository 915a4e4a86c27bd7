package dev.pedigree.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every labelled pair of the zoo fixtures (src/test/resources/zoo/pairs.csv, committed by the zoo
 * generator) through compare. Pairs whose relation weights cannot show (distillation into another
 * shape: no shared initialisation) are listed apart; every other label must come out right.
 */
class ZooCompareTest {
    private static final Path ZOO = Path.of("src/test/resources/zoo");
    /** Categories a weight comparison cannot decide by design: the black-box MPS test is for them. */
    private static final List<String> NOT_IN_WEIGHTS = List.of("distilled");

    private static Path locate(String id) {
        Path dir = ZOO.resolve("models").resolve(id);
        return Files.isDirectory(dir) ? dir : ZOO.resolve("gguf").resolve(id + ".gguf");
    }

    @Test
    void labelledPairsComeOutRight() throws IOException {
        Path pairs = ZOO.resolve("pairs.csv");
        assumeTrue(Files.isRegularFile(pairs), "zoo fixtures not in this tree yet");
        ModelOpener opener = new ModelOpener(new ModelLocator(SourceEnvironment.system(), new PrintWriter(System.err, true)),
                FormatWiring.standard());
        List<String> wrong = new ArrayList<>();
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
            if (r.verdict() != expected && !NOT_IN_WEIGHTS.contains(f[3])) {
                wrong.add(summary + "\n" + CompareReport.table(r));
            }
        }
        assumeTrue(checked > 0, "no zoo model found on disk");
        assertEquals(List.of(), wrong, "pairs with the wrong verdict");
    }
}
