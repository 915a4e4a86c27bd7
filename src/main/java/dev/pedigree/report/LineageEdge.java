package dev.pedigree.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * One edge of the lineage graph: declared, verified, or both.
 *
 * @param from           the ancestor when {@code directionKnown}, else either model
 * @param to             the derived model when {@code directionKnown}, else the other model
 * @param relation       the declared relation ({@code finetune}, {@code adapter}, …) or {@code derived} / {@code related}
 * @param directionKnown whether we know which model came first
 * @param status         declared versus verified
 * @param evidence       what the status rests on
 * @param pValue         the smallest p-value of a test that found the link, or null
 */
public record LineageEdge(String from, String to, String relation, boolean directionKnown, Status status, List<Evidence> evidence,
        Double pValue) {

    public LineageEdge {
        evidence = List.copyOf(evidence);
    }

    /** Declared versus verified. */
    public enum Status {
        /** Declared and supported by a test. */
        CONFIRMED,
        /** Declared; the declared parent was tested and not supported. */
        CONTRADICTED,
        /** Declared; not tested (parent not among the models) or inconclusive. */
        DECLARED_ONLY,
        /** Found by a test; not declared by either model. */
        UNDECLARED,
        /** Found by a test; what the models declare was not read (a precomputed distance matrix). */
        FOUND;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
