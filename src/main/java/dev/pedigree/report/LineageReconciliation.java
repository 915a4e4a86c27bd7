package dev.pedigree.report;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Declared versus verified: puts each model's declared lineage beside what the tests found, and
 * derives the lineage edges and the findings that flag contradictions (a declared parent tested and not
 * supported, a link found that nobody declared) and disagreements between kinds of evidence.
 *
 * @param edges    the lineage graph
 * @param findings what a person should look at, in the order found
 */
record LineageReconciliation(List<LineageEdge> edges, List<Finding> findings) {

    static LineageReconciliation of(List<Subject> subjects, List<TestedLink> links) {
        List<LineageEdge> edges = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Map<String, List<TestedLink>> byPair = new LinkedHashMap<>();
        for (TestedLink l : links) {
            byPair.computeIfAbsent(pairKey(l.from(), l.to()), k -> new ArrayList<>()).add(l);
        }
        byPair.values().forEach(pair -> disagreement(pair).ifPresent(findings::add));

        Set<String> declaredPairs = new java.util.HashSet<>();
        for (Subject s : subjects) {
            for (String base : s.declared().baseModels()) {
                Optional<Subject> parent = subjects.stream().filter(p -> p != s && ModelNames.names(base, p.name())).findFirst();
                String relation = s.declared().relation() == null ? "derived" : s.declared().relation();
                if (parent.isEmpty()) {
                    edges.add(new LineageEdge(base, s.name(), relation, true, LineageEdge.Status.DECLARED_ONLY, List.of(Evidence.DECLARED), null));
                    if (tested(links, s.name())) {
                        findings.add(new Finding(FindingKind.DECLARED_UNVERIFIED, List.of(s.name(), base), null, null,
                                s.name() + " declares " + base + " as its base; it was not among the models tested", List.of()));
                    }
                    continue;
                }
                String p = parent.get().name();
                declaredPairs.add(pairKey(p, s.name()));
                List<TestedLink> pair = byPair.getOrDefault(pairKey(p, s.name()), List.of());
                edges.add(declaredEdge(base, p, s.name(), relation, pair, findings));
            }
        }
        for (List<TestedLink> pair : byPair.values()) {
            TestedLink first = pair.getFirst();
            List<TestedLink> related = pair.stream().filter(l -> l.verdict() == LinkVerdict.RELATED).toList();
            if (related.isEmpty() || declaredPairs.contains(pairKey(first.from(), first.to()))) {
                continue;
            }
            TestedLink oriented = related.stream().filter(TestedLink::directionKnown).findFirst().orElse(related.getFirst());
            Double p = minP(related);
            String relation = oriented.directionKnown() ? "derived" : "related";
            // a derived model's own card decides whether a known-direction link was declared; otherwise either side could declare it
            boolean lineageRead = oriented.directionKnown() ? read(subjects, oriented.to())
                    : read(subjects, oriented.to()) && read(subjects, oriented.from());
            if (!lineageRead) {
                edges.add(new LineageEdge(oriented.from(), oriented.to(), relation, oriented.directionKnown(), LineageEdge.Status.FOUND,
                        evidence(related), p));
                continue;
            }
            edges.add(new LineageEdge(oriented.from(), oriented.to(), relation, oriented.directionKnown(), LineageEdge.Status.UNDECLARED,
                    evidence(related), p));
            findings.add(new Finding(FindingKind.UNDECLARED_LINEAGE, List.of(oriented.to(), oriented.from()), LinkVerdict.RELATED.label(), p,
                    (oriented.directionKnown() ? oriented.to() + " is derived from " + oriented.from()
                            : oriented.to() + " and " + oriented.from() + " share an origin")
                            + ", and neither model declares it",
                    related.stream().map(TestedLink::detail).toList()));
        }
        return new LineageReconciliation(edges, findings);
    }

    /** The edge for a declared parent that is one of the subjects, and the finding it yields when tested. */
    private static LineageEdge declaredEdge(String declaredName, String parent, String child, String relation, List<TestedLink> pair,
            List<Finding> findings) {
        List<TestedLink> related = pair.stream().filter(l -> l.verdict() == LinkVerdict.RELATED).toList();
        List<TestedLink> against = pair.stream()
                .filter(l -> l.verdict() == LinkVerdict.UNRELATED || l.verdict() == LinkVerdict.NOT_FOUND).toList();
        List<Evidence> evidence = new ArrayList<>(List.of(Evidence.DECLARED));
        if (!related.isEmpty()) {
            evidence.addAll(evidence(related));
            Double p = minP(related);
            findings.add(new Finding(FindingKind.DECLARED_CONFIRMED, List.of(child, parent), LinkVerdict.RELATED.label(), p,
                    child + " declares " + declaredName + " as its base, and the evidence supports it",
                    related.stream().map(TestedLink::detail).toList()));
            return new LineageEdge(parent, child, relation, true, LineageEdge.Status.CONFIRMED, evidence, p);
        }
        if (!against.isEmpty()) {
            evidence.addAll(evidence(against));
            TestedLink strongest = against.stream().filter(l -> l.verdict() == LinkVerdict.UNRELATED).findFirst().orElse(against.getFirst());
            findings.add(new Finding(FindingKind.DECLARED_CONTRADICTED, List.of(child, parent), strongest.verdict().label(),
                    strongest.pValue(), child + " declares " + declaredName + " as its base, but "
                            + (strongest.verdict() == LinkVerdict.UNRELATED ? "the weights say they are unrelated" : "the test did not find it"),
                    against.stream().map(TestedLink::detail).toList()));
            return new LineageEdge(parent, child, relation, true, LineageEdge.Status.CONTRADICTED, evidence, strongest.pValue());
        }
        findings.add(new Finding(FindingKind.DECLARED_UNVERIFIED, List.of(child, parent), pair.isEmpty() ? null : LinkVerdict.INCONCLUSIVE.label(),
                null, child + " declares " + declaredName + " as its base; " + (pair.isEmpty() ? "the pair was not tested" : "the test was inconclusive"),
                pair.stream().map(TestedLink::detail).toList()));
        return new LineageEdge(parent, child, relation, true, LineageEdge.Status.DECLARED_ONLY, evidence, null);
    }

    /** A finding when one kind of evidence says related and another says unrelated. */
    private static Optional<Finding> disagreement(List<TestedLink> pair) {
        Optional<TestedLink> related = pair.stream().filter(l -> l.verdict() == LinkVerdict.RELATED).findFirst();
        Optional<TestedLink> against = pair.stream()
                .filter(l -> l.verdict() == LinkVerdict.UNRELATED || l.verdict() == LinkVerdict.NOT_FOUND)
                .filter(l -> related.isPresent() && l.evidence() != related.get().evidence()).findFirst();
        if (related.isEmpty() || against.isEmpty()) {
            return Optional.empty();
        }
        TestedLink r = related.get();
        TestedLink a = against.get();
        return Optional.of(new Finding(FindingKind.EVIDENCE_DISAGREEMENT, List.of(r.to(), r.from()), null, null,
                r.evidence().label() + " evidence links " + r.to() + " and " + r.from() + "; " + a.evidence().label() + " evidence says "
                        + a.verdict().label(), List.of(r.detail(), a.detail())));
    }

    private static boolean read(List<Subject> subjects, String name) {
        return subjects.stream().anyMatch(s -> s.name().equals(name) && s.declared().read());
    }

    private static boolean tested(List<TestedLink> links, String model) {
        return links.stream().anyMatch(l -> l.from().equals(model) || l.to().equals(model));
    }

    private static List<Evidence> evidence(List<TestedLink> links) {
        Set<Evidence> kinds = EnumSet.noneOf(Evidence.class);
        links.forEach(l -> kinds.add(l.evidence()));
        return List.copyOf(kinds);
    }

    private static Double minP(List<TestedLink> links) {
        return links.stream().map(TestedLink::pValue).filter(Objects::nonNull).min(Double::compare).orElse(null);
    }

    private static String pairKey(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "\u0000" + b : b + "\u0000" + a;
    }
}
