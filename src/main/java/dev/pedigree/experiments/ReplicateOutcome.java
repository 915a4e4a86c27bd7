package dev.pedigree.experiments;

/**
 * One simulated pool's result, read at every level of the scenario.
 *
 * @param cell        the cell
 * @param replicate   0-based replicate number within the cell
 * @param testSeed    the seed the MPS test ran with
 * @param steps       steps the run took
 * @param firstP      the first step's p-value
 * @param setSize     |P| at each level (scenario order)
 * @param sourcesIn   true sources in P at each level
 */
record ReplicateOutcome(CoverageCell cell, int replicate, long testSeed, int steps, double firstP, int[] setSize,
        int[] sourcesIn) {

    boolean covered(int level) {
        return sourcesIn[level] == cell.sources();
    }

    int extras(int level) {
        return setSize[level] - sourcesIn[level];
    }
}
