package dev.pedigree.fingerprint;

import java.util.List;

/**
 * What the weight signals need from one model, in a few hundred kilobytes at most.
 *
 * @param hiddenSize       embedding width
 * @param layers           number of layers with weights
 * @param embeddingRows    rows of the input embedding
 * @param sketch           the fixed-length, permutation-invariant vector of the first scan pass ({@link WeightSketch})
 * @param anchors          embedding rows of the canonical token sample
 * @param embeddingNormQuantiles quantiles of the embedding row L2 norms at {@link WeightSketch#QUANTILES}
 * @param layerSketches    per layer and role, statistics that survive re-ordering of rows and columns
 * @param mpk              MPK's EAS/END/NLF/LEP inputs (WVC's strided samples are not kept: too large, and
 *                         order-sensitive by design)
 */
public record WeightFeatures(
        int hiddenSize,
        int layers,
        long embeddingRows,
        float[] sketch,
        AnchorRows anchors,
        double[] embeddingNormQuantiles,
        List<LayerSketch> layerSketches,
        MpkInputs mpk) {
}
