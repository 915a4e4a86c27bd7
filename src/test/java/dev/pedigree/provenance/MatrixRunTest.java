package dev.pedigree.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.error.BadInputException;
import dev.pedigree.stats.DistanceMatrix;
import dev.pedigree.stats.DistanceMatrixCsv;
import dev.pedigree.stats.ExclusionStep;
import dev.pedigree.stats.PairwiseBackground;
import dev.pedigree.stats.PairwiseCalibratedStep;
import dev.pedigree.stats.PairwiseDistancesCsv;
import dev.pedigree.stats.ProvenanceMethod;
import dev.pedigree.stats.ProvenanceSet;
import dev.pedigree.stats.ProvenanceSetTest;
import dev.pedigree.stats.RobustBackground;
import dev.pedigree.stats.SetComparison;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both methods on the real encoders' representation distances (src/test/resources/calibrated, 300 English
 * prompts; experiments/calibrated-real/README.md): the headline and the set beside it are the two methods'
 * own runs with one seed, every candidate is explained, and the background summary is the one the
 * calibrated step measured against.
 */
class MatrixRunTest {
    private static final ProvenanceSetTest TEST = ProvenanceSetTest.withDefaults().withPermutations(199).withRandom(4).withThreads(1);

    @TempDir
    Path dir;

    private static Path resource(String name) {
        try {
            return Path.of(MatrixRunTest.class.getResource("/calibrated/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(ProvenanceSet set) {
        return set.members().stream().map(ExclusionStep::model).toList();
    }

    @Test
    void theHeadlineAndTheSetBesideItAreEachMethodsOwnRunOnOneSeed() {
        Path matrix = resource("target-all-minilm-l6-v2-q.csv");
        Path pairwise = resource("pairwise-means.csv");
        MatrixRun.Result calibrated = new MatrixRun(matrix, pairwise, List.of(), TEST, ProvenanceMethod.CALIBRATED).run();
        MatrixRun.Result paper = new MatrixRun(matrix, pairwise, List.of(), TEST, ProvenanceMethod.MPS).run();

        DistanceMatrix m = DistanceMatrixCsv.read(matrix);
        ProvenanceSet alone = TEST.withMethod(ProvenanceMethod.MPS).test(m, List.of());
        assertEquals(alone, calibrated.sets().beside(), "the set beside is the paper's method run on its own");
        assertEquals(alone, paper.sets().headline());
        assertEquals(calibrated.sets().headline(), paper.sets().beside(), "--method only swaps which set is the headline");
        assertEquals("calibrated", calibrated.sets().headline().method());
        assertEquals(List.of("all-minilm-l6-v2"), names(calibrated.sets().headline()));
        assertEquals(5, names(calibrated.sets().beside()).size());
        assertEquals(m.names(), List.copyOf(calibrated.sets().explanations().keySet()));
        assertEquals(calibrated.sets().explanations(), paper.sets().explanations(), "explanations compare the methods, not headline and beside");
        SetComparison.Candidate zh = calibrated.sets().explanations().get("bge-small-zh-v1.5");
        assertTrue(!zh.inCalibrated() && zh.inPaperFaithful(), zh.toString());
    }

    @Test
    void thePairwiseBackgroundIsTheOneTheFirstStepMeasuredAgainst() {
        Path pairwise = resource("pairwise-means.csv");
        MatrixRun.Result r = new MatrixRun(resource("target-all-minilm-l6-v2-q.csv"), pairwise, List.of(), TEST, ProvenanceMethod.CALIBRATED).run();
        CalibrationBackground b = r.sets().background();
        assertEquals("pairwise:" + pairwise, b.source());
        assertEquals(6, b.models());
        assertNull(b.location());
        assertNull(b.spread());
        DistanceMatrix m = r.matrix();
        assertEquals(m.names(), List.copyOf(b.eccentricities().keySet()));
        PairwiseBackground fit = PairwiseBackground.fit(PairwiseDistancesCsv.read(pairwise).alignedTo(m.names()));
        assertEquals(fit.scale(), b.scale(), 0);
        // step 1's z is the twin's distance below the summary's background, (D − b_i − b_f), studentised by s·sqrt(w_i)
        ExclusionStep first = r.sets().headline().steps().getFirst();
        int i = m.indexOf(first.model());
        double d = Arrays.stream(m.rows()[i]).average().orElseThrow();
        double residual = d - b.eccentricities().get(first.model()) - b.targetEccentricity();
        int[] all = java.util.stream.IntStream.range(0, m.models()).toArray();
        assertEquals(first.statistic(), PairwiseCalibratedStep.z(fit, all, m.rows())[i], 1e-9);
        assertTrue(residual < 0 && first.statistic() < -3, residual + " / " + first.statistic());
    }

    @Test
    void thePoolBackgroundIsTheOneTheFirstStepMeasuredAgainst() {
        MatrixRun.Result r = new MatrixRun(resource("target-all-minilm-l6-v2-q.csv"), null, List.of(), TEST, ProvenanceMethod.CALIBRATED).run();
        CalibrationBackground b = r.sets().background();
        assertEquals("pool", b.source());
        assertEquals(Map.of(), b.eccentricities());
        assertNull(b.targetEccentricity());
        assertTrue(b.spread() >= 0 && b.spread() <= b.scale(), b.toString());
        // step 1's z is (centred mean − location) / scale of the summary's background
        DistanceMatrix m = r.matrix();
        ExclusionStep first = r.sets().headline().steps().getFirst();
        int i = m.indexOf(first.model());
        double centred = 0;
        for (int t = 0; t < m.prompts(); t++) {
            double column = 0;
            for (double[] row : m.rows()) {
                column += row[t];
            }
            centred += m.rows()[i][t] - column / m.models();
        }
        centred /= m.prompts();
        assertEquals(first.statistic(), new RobustBackground(b.location(), b.scale(), b.spread()).z(centred), 1e-9);
    }

    @Test
    void referencesStayOutOfBothSets() {
        MatrixRun.Result r = new MatrixRun(resource("target-bge-small-en.csv"), resource("pairwise-means.csv"),
                List.of("bge-small-zh", "bge-small-zh-v1.5"), TEST, ProvenanceMethod.CALIBRATED).run();
        for (ProvenanceSet set : List.of(r.sets().headline(), r.sets().beside())) {
            assertEquals(List.of("bge-small-zh", "bge-small-zh-v1.5"), set.references());
            assertTrue(names(set).stream().noneMatch(n -> n.startsWith("bge-small-zh")), names(set).toString());
        }
        assertEquals(4, r.sets().explanations().size(), "references are not candidates");
    }

    @Test
    void inputsThatDoNotFitEachOtherAreRefusedByName() throws IOException {
        Path matrix = resource("target-all-minilm-l6-v2-q.csv");
        BadInputException unknown = assertThrows(BadInputException.class,
                () -> new MatrixRun(matrix, null, List.of("nobody"), TEST, ProvenanceMethod.CALIBRATED).run());
        assertTrue(unknown.getMessage().contains("nobody") && unknown.getMessage().contains(matrix.toString()), unknown.getMessage());

        Path two = dir.resolve("two.csv");
        Files.writeString(two, "a,1,2\nb,3,4\n");
        BadInputException all = assertThrows(BadInputException.class,
                () -> new MatrixRun(two, null, List.of("a", "b"), TEST, ProvenanceMethod.CALIBRATED).run());
        assertTrue(all.getMessage().contains("every model"), all.getMessage());

        Path partial = dir.resolve("partial.csv");
        Files.writeString(partial, "candidate,all-minilm-l6-v2,bge-small-en,e5-small-v2\n"
                + "all-minilm-l6-v2,0,0.36,0.30\nbge-small-en,0.36,0,0.30\ne5-small-v2,0.30,0.30,0\n");
        BadInputException missing = assertThrows(BadInputException.class,
                () -> new MatrixRun(matrix, partial, List.of(), TEST, ProvenanceMethod.CALIBRATED).run());
        assertTrue(missing.getMessage().contains("no row for model bge-small-en-v1.5"), missing.getMessage());

        // three models: the two-way fit has as many eccentricities as distinct pairs, so no residual scale
        Path three = dir.resolve("three.csv");
        Files.writeString(three, "a,1,2,3\nb,2,3,4\nc,5,6,7\n");
        Path threePairs = dir.resolve("three-pairs.csv");
        Files.writeString(threePairs, "candidate,a,b,c\na,0,1,2\nb,1,0,2\nc,2,2,0\n");
        BadInputException few = assertThrows(BadInputException.class,
                () -> new MatrixRun(three, threePairs, List.of(), TEST, ProvenanceMethod.CALIBRATED).run());
        assertTrue(few.getMessage().contains("at least 4"), few.getMessage());
    }
}
