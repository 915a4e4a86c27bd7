package dev.pedigree.experiments;

/**
 * One cell of a scenario's grid.
 *
 * @param index       position in the grid
 * @param candidates  m
 * @param prompts     N
 * @param sources     k, the first k candidates
 * @param depth       derivation depth of the sources
 * @param sigmaSpread log-spread of σ_i
 * @param tau         spread of the unrelated means
 * @param advantage   δ·ρ^depth, how much nearer a source is (0 without sources)
 */
public record CoverageCell(int index, int candidates, int prompts, int sources, int depth, double sigmaSpread, double tau,
        double advantage) {

    /** The value of a named grid parameter, for figure axes and series labels. */
    double parameter(String name) {
        return switch (name) {
            case "candidates" -> candidates;
            case "prompts" -> prompts;
            case "sources" -> sources;
            case "depth" -> depth;
            case "sigmaSpread" -> sigmaSpread;
            case "tau" -> tau;
            default -> throw new IllegalArgumentException("no cell parameter " + name);
        };
    }
}
