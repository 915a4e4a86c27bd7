package dev.pedigree.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.model.open.FormatWiring;
import dev.pedigree.model.open.Model;
import dev.pedigree.model.open.ModelOpener;
import dev.pedigree.model.source.ModelLocator;
import dev.pedigree.model.source.SourceEnvironment;
import dev.pedigree.report.CompareReport;
import dev.pedigree.signals.WeightAlignment;
import java.io.PrintWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real Maven-hosted encoders through the whole pipeline: jar, ONNX reader, roles, vocabulary, test, verdict. */
class RealEncoderCompareTest {
    private static final String GROUP = "maven:dev.langchain4j:langchain4j-embeddings-";

    private static ComparisonResult compare(String a, String b) {
        ModelOpener opener = new ModelOpener(new ModelLocator(SourceEnvironment.system(), new PrintWriter(System.err, true)),
                FormatWiring.standard());
        try (Model ma = opener.open(GROUP + a); Model mb = opener.open(GROUP + b)) {
            return new ModelComparison(WeightAlignment.Settings.defaults(999, 1), Calibration.load(), m -> { })
                    .run(CompareSide.of(a, ma), CompareSide.of(b, mb));
        }
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource({
        "bge-small-en:1.0.0-beta1, bge-small-en-q:1.0.0-beta1",
        "bge-small-en-v15:1.0.0-beta1, bge-small-en-v15-q:1.0.0-beta1",
        "e5-small-v2:1.0.0-beta1, e5-small-v2-q:1.0.0-beta1",
        "bge-small-zh:1.0.0-beta1, bge-small-zh-q:1.0.0-beta1"})
    void int8TwinIsRelated(String a, String b) {
        ComparisonResult r = compare(a, b);
        assertEquals(Verdict.RELATED, r.verdict(), CompareReport.table(r));
        assertTrue(r.pValue() < 1e-3, CompareReport.table(r));
        assertEquals(1.0, r.signals().get("units_matched_share"), 0.01, CompareReport.table(r));
    }

    /** Different language, vocabulary (4630 shared tokens after normalising), width (384 vs 512) and depth (6 vs 4). */
    @Test
    void miniLmAndChineseBgeAreUnrelated() {
        ComparisonResult r = compare("all-minilm-l6-v2:1.0.0-beta1", "bge-small-zh:1.0.0-beta1");
        assertEquals(Verdict.UNRELATED, r.verdict(), CompareReport.table(r));
        assertTrue(r.signals().get("units_matched_share") < 0.01, CompareReport.table(r));
    }

    /** The other real pairs, printed for the record (see experiments/compare/README.md), not asserted. */
    @Tag("slow")
    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource({
        "all-minilm-l6-v2:1.0.0-beta1, e5-small-v2:1.0.0-beta1",
        "all-minilm-l6-v2:1.0.0-beta1, bge-small-en-v15:1.0.0-beta1",
        "bge-small-en:1.0.0-beta1, e5-small-v2:1.0.0-beta1",
        "bge-small-en:1.0.0-beta1, bge-small-en-v15:1.0.0-beta1",
        "bge-small-zh:1.0.0-beta1, bge-small-zh-v15:1.20.0-beta30",
        "bge-small-en-v15:1.0.0-beta1, bge-small-zh-v15:1.20.0-beta30"})
    void otherPairsForTheRecord(String a, String b) {
        System.out.println(CompareReport.table(compare(a, b)));
    }
}
