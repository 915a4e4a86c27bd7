package dev.pedigree.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects a job's results into a {@link Report}. Jobs add subjects, the links their tests found,
 * their own findings and sections; {@link #build()} derives the lineage edges and the
 * declared-versus-verified findings from the subjects' declared lineage and the links.
 */
public final class ReportBuilder {
    private final String job;
    private Environment environment = Environment.current();
    private Instant createdAt = Instant.now();
    private final Map<String, Long> seeds = new LinkedHashMap<>();
    private final Map<String, Long> timings = new LinkedHashMap<>();
    private final List<Subject> subjects = new ArrayList<>();
    private final List<TestedLink> links = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<WeightComparison> comparisons = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private ProvenanceSetSection provenanceSet;
    private DistanceSection distances;
    private ScanSection scan;
    private InspectReport inspect;

    ReportBuilder(String job) {
        this.job = job;
    }

    public ReportBuilder environment(Environment e) {
        this.environment = e;
        return this;
    }

    public ReportBuilder createdAt(Instant t) {
        this.createdAt = t;
        return this;
    }

    public ReportBuilder seed(String what, long seed) {
        seeds.put(what, seed);
        return this;
    }

    public ReportBuilder timing(String phase, long millis) {
        timings.merge(phase, millis, Long::sum);
        return this;
    }

    /** Adds a model; the first one added is the report's target. Names must be distinct. */
    public ReportBuilder subject(Subject s) {
        if (subjects.stream().anyMatch(o -> o.name().equals(s.name()))) {
            throw new IllegalArgumentException("two subjects named " + s.name());
        }
        subjects.add(s);
        return this;
    }

    public ReportBuilder link(TestedLink l) {
        links.add(l);
        return this;
    }

    public ReportBuilder finding(Finding f) {
        findings.add(f);
        return this;
    }

    public ReportBuilder provenanceSet(ProvenanceSetSection s) {
        this.provenanceSet = s;
        return this;
    }

    public ReportBuilder distances(DistanceSection d) {
        this.distances = d;
        return this;
    }

    public ReportBuilder weightComparison(WeightComparison c) {
        comparisons.add(c);
        return this;
    }

    public ReportBuilder scan(ScanSection s) {
        this.scan = s;
        return this;
    }

    public ReportBuilder inspect(InspectReport r) {
        this.inspect = r;
        return this;
    }

    /** A model the job could not test (unreadable, wrong format, server down): a finding, and the run goes on without it. */
    public ReportBuilder excluded(String model, String why) {
        return finding(new Finding(FindingKind.EXCLUDED_MODEL, List.of(model), null, null, model + " was left out: " + why, List.of()));
    }

    public ReportBuilder note(String n) {
        notes.add(n);
        return this;
    }

    public Report build() {
        if (subjects.isEmpty()) {
            throw new IllegalStateException("a report needs at least one subject");
        }
        for (TestedLink l : links) {
            for (String name : List.of(l.from(), l.to())) {
                if (subjects.stream().noneMatch(s -> s.name().equals(name))) {
                    throw new IllegalStateException("a link names " + name + ", which is not a subject of the report");
                }
            }
        }
        LineageReconciliation lineage = LineageReconciliation.of(subjects, links);
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(lineage.findings());
        // stable: within a severity, the order the job found them
        all.sort(Comparator.comparing(Finding::severity));
        return new Report(Report.SCHEMA_VERSION, job, environment, createdAt.truncatedTo(ChronoUnit.SECONDS).toString(), seeds,
                new LinkedHashMap<>(timings), subjects, all, lineage.edges(), provenanceSet, distances, comparisons, scan, inspect, notes);
    }
}
