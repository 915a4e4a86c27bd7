package dev.pedigree.report;

/**
 * What one test found about a pair of subjects; the input from which a report derives its lineage
 * edges and its declared-versus-verified findings.
 *
 * @param from            the ancestor when {@code directionKnown}, else either model
 * @param to              the derived model when {@code directionKnown}, else the other model
 * @param directionKnown  whether the test (or how it was asked) tells which model came first
 * @param pValue          the test's p-value, or null
 * @param detail          one line a person can read ({@code in the set at α = 0.05, p = 0.001})
 */
public record TestedLink(String from, String to, boolean directionKnown, Evidence evidence, LinkVerdict verdict, Double pValue,
        String detail) {

    public boolean joins(String a, String b) {
        return from.equals(a) && to.equals(b) || from.equals(b) && to.equals(a);
    }
}
