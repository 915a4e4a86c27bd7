package dev.pedigree.report;

import java.util.List;
import java.util.Map;

/**
 * The one report model behind every rendering (table, JSON, HTML, CycloneDX, SARIF). Each job fills
 * the sections it has and leaves the others null or empty; renderers hold layout only.
 *
 * @param schemaVersion     {@link #SCHEMA_VERSION}; readers refuse versions they do not know
 * @param job               {@code inspect}, {@code compare}, {@code set} or {@code scan}
 * @param environment       tool version and the machine that produced the report
 * @param createdAt         ISO-8601 instant, UTC, to the second
 * @param seeds             every seed the run used, by what it seeded
 * @param timingsMs         wall-clock milliseconds per phase, in order
 * @param subjects          the models the report speaks about, the target (or A) first
 * @param findings          what a person or CI should look at, most severe first
 * @param lineage           declared and verified edges between models
 * @param provenanceSet     the provenance set ({@code set}), or null
 * @param distances         per-candidate distance distributions ({@code set}), or null
 * @param weightComparisons white-box comparisons ({@code compare}, and {@code set} for readable candidates)
 * @param scan              the fingerprint-database search ({@code scan}), or null
 * @param inspect           the model's contents ({@code inspect}), or null
 * @param notes             what was left out or could not be done, and why
 */
public record Report(int schemaVersion, String job, Environment environment, String createdAt, Map<String, Long> seeds,
        Map<String, Long> timingsMs, List<Subject> subjects, List<Finding> findings, List<LineageEdge> lineage,
        ProvenanceSetSection provenanceSet, DistanceSection distances, List<WeightComparison> weightComparisons, ScanSection scan, InspectReport inspect,
        List<String> notes) {

    /** The version of this shape; bump it when a field changes meaning or goes away. */
    public static final int SCHEMA_VERSION = 1;

    public Report {
        seeds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(seeds));
        timingsMs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timingsMs));
        subjects = List.copyOf(subjects);
        findings = List.copyOf(findings);
        lineage = List.copyOf(lineage);
        weightComparisons = List.copyOf(weightComparisons);
        notes = List.copyOf(notes);
    }

    public static ReportBuilder builder(String job) {
        return new ReportBuilder(job);
    }

    /** The model the report is about: the first subject. */
    public Subject target() {
        return subjects.getFirst();
    }

    /** The subject named {@code name}, or null. */
    public Subject subject(String name) {
        return subjects.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }
}
