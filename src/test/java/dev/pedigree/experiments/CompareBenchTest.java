package dev.pedigree.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.model.open.FormatWiring;
import dev.pedigree.model.open.ModelOpener;
import dev.pedigree.model.source.ModelLocator;
import dev.pedigree.model.source.SourceEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compare-bench runner on the committed zoo fixtures: one row per pair, resumable, and the encoder pair list. */
class CompareBenchTest {
    private static final Path ZOO = Path.of("src/test/resources/zoo");

    @Test
    void writesOneRowPerPairAndResumesWithoutRepeating(@TempDir Path out) throws Exception {
        List<BenchPair> all = CompareBench.pairs("zoo", ZOO);
        BenchPair related = all.stream().filter(p -> p.category().equals("finetune")).findFirst().orElseThrow();
        BenchPair unrelated = all.stream().filter(p -> p.category().equals("cross-family")).findFirst().orElseThrow();
        Path csv = out.resolve("pairs.csv");
        CompareBench bench = new CompareBench(new ModelOpener(new ModelLocator(SourceEnvironment.system(),
                new PrintWriter(new StringWriter())), FormatWiring.standard()), 99, 1, new PrintWriter(new StringWriter()));

        assertEquals(1, bench.run(List.of(related), csv, 1));
        assertEquals(1, bench.run(List.of(related, unrelated), csv, 2), "the pair already in the CSV is skipped");

        List<String> lines = Files.readAllLines(csv);
        assertEquals(CompareBench.HEADER, lines.get(0));
        assertEquals(3, lines.size());
        int columns = CompareBench.HEADER.split(",").length;
        String[] first = lines.get(1).split(",", -1);
        String[] second = lines.get(2).split(",", -1);
        assertEquals(columns, first.length);
        assertEquals(columns, second.length);
        assertEquals(List.of(related.nameA(), related.nameB(), "related", "finetune", "yes", "related"), List.of(first).subList(0, 6));
        assertEquals(List.of(unrelated.nameA(), unrelated.nameB(), "unrelated", "cross-family", "no", "unrelated"),
                List.of(second).subList(0, 6));
        // 99 relabellings: each group's p is at least 1/100, and a related fine-tune combines to far below 0.01
        assertTrue(Double.parseDouble(first[6]) < 1e-3, lines.get(1));
        assertTrue(Double.parseDouble(second[6]) > 0.01, lines.get(2));
    }

    @Test
    void encoderPairsAreAllFiftyFiveWithOnlyInt8TwinsLabelled() {
        List<BenchPair> pairs = CompareBench.pairs("encoders", ZOO);
        assertEquals(55, pairs.size());
        List<BenchPair> twins = pairs.stream().filter(p -> p.label().equals("related")).toList();
        assertEquals(5, twins.size());
        assertTrue(twins.stream().allMatch(p -> p.nameB().equals(p.nameA() + "-q")), twins.toString());
        assertEquals(50, pairs.stream().filter(p -> p.label().equals("unknown")).count());
        assertEquals(8 * 3, pairs.stream().filter(p -> p.category().equals("real-english-chinese")).count());
    }
}
