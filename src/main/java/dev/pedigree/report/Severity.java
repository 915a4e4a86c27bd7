package dev.pedigree.report;

/** How much a finding matters to the people who read it; the names are SARIF's result levels. */
public enum Severity {
    ERROR,
    WARNING,
    NOTE;

    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
