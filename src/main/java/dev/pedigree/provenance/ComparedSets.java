package dev.pedigree.provenance;

import dev.pedigree.stats.DistanceMatrix;
import dev.pedigree.stats.PairwiseDistances;
import dev.pedigree.stats.ProvenanceMethod;
import dev.pedigree.stats.ProvenanceSet;
import dev.pedigree.stats.ProvenanceSetTest;
import dev.pedigree.stats.SetComparison;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Both provenance methods on one matrix with one seed: the set of the method the user named (the headline),
 * the other method's set beside it, why they differ candidate by candidate, and the background the
 * calibrated method measured against. The paper's null ("all equally far") is false in real pools of
 * unrelated models, the calibrated one ("no nearer than unrelated models are") is what a reader means, so
 * both are always run: the difference between them is itself evidence.
 *
 * @param headline     the set of the method asked for
 * @param beside       the other method's set on the same matrix, seed and permutations
 * @param explanations every candidate's place in both sets, in matrix order
 * @param background   the calibrated method's background
 */
public record ComparedSets(ProvenanceSet headline, ProvenanceSet beside, Map<String, SetComparison.Candidate> explanations,
        CalibrationBackground background) {

    public ComparedSets {
        explanations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(explanations));
    }

    /**
     * Runs both methods.
     *
     * @param test           the configured test (α, R, seed, threads); its method is overridden for each run
     * @param headline       the method whose set is the headline
     * @param references     rows of the matrix known to be unrelated: in the pool, never in a set
     * @param pairwise       candidate-to-candidate distances for the calibrated method, or null (then its
     *                       background is the spread of the target's own row)
     * @param pairwiseSource where {@code pairwise} came from ({@code measured} or a file), for the report
     */
    public static ComparedSets run(ProvenanceSetTest test, ProvenanceMethod headline, DistanceMatrix matrix,
            Collection<String> references, PairwiseDistances pairwise, String pairwiseSource) {
        ProvenanceSetTest calibratedTest = test.withMethod(ProvenanceMethod.CALIBRATED);
        if (pairwise != null) {
            calibratedTest = calibratedTest.withPairwise(pairwise);
        }
        ProvenanceSet calibrated = calibratedTest.test(matrix, references);
        ProvenanceSet paper = test.withMethod(ProvenanceMethod.MPS).test(matrix, references);
        Map<String, SetComparison.Candidate> explanations = SetComparison.explain(matrix, calibrated, paper, pairwise);
        CalibrationBackground background = CalibrationBackground.of(matrix, pairwise, pairwiseSource);
        return headline == ProvenanceMethod.CALIBRATED
                ? new ComparedSets(calibrated, paper, explanations, background)
                : new ComparedSets(paper, calibrated, explanations, background);
    }
}
