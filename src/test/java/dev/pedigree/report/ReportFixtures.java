package dev.pedigree.report;

import dev.pedigree.model.lineage.LineageClaim;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Reports with every section filled, built the way the jobs build them, for the renderer tests. The
 * merged {@code set} report: a fine-tuned target that declares its base (found: confirmed) and a
 * second base that was not among the models (declared only); a candidate in the set that nobody
 * declared (undeclared); a candidate out of the set whose weights say unrelated.
 */
final class ReportFixtures {
    static final String TARGET = "hf:acme/chat-7b-ft";
    static final String BASE = "hf:acme/base-7b";
    static final String UNDECLARED = "/models/other-7b";
    static final String UNRELATED = "maven:org.example:model-y:1.0";
    static final String MISSING_BASE = "acme/tokenizer-donor";
    static final Instant CREATED = Instant.parse("2026-11-23T15:00:00Z");
    static final Environment ENVIRONMENT = new Environment("0.1.0-test", "25+36", "Eclipse Adoptium", "Linux 6.1", "amd64", 2);

    private ReportFixtures() {
    }

    static Report mergedSetReport() {
        ReportBuilder b = Report.builder("set").environment(ENVIRONMENT).createdAt(CREATED).seed("permutations", 7).seed("weight_compare", 42);
        b.subject(new Subject(TARGET, "target", "safetensors", "a".repeat(64), new DeclaredLineageSummary(true, List.of("acme/base-7b", MISSING_BASE),
                "finetune", List.of(new LineageClaim("base_model", "acme/base-7b", "README.md front matter"),
                        new LineageClaim("base_model", MISSING_BASE, "README.md front matter"),
                        new LineageClaim("base_model_relation", "finetune", "README.md front matter")))));
        b.subject(new Subject(BASE, "candidate", "safetensors", "b".repeat(64), null));
        b.subject(new Subject(UNDECLARED, "candidate", "gguf", "c".repeat(64), null));
        b.subject(new Subject(UNRELATED, "candidate", "onnx", "d".repeat(64), null));

        List<ProvenanceSetSection.Step> steps = List.of(
                new ProvenanceSetSection.Step(1, BASE, false, 3, -4.21, 0.001, 0.001),
                new ProvenanceSetSection.Step(2, UNDECLARED, false, 2, -2.87, 0.004, 0.004),
                new ProvenanceSetSection.Step(3, UNRELATED, false, 1, -0.12, 0.31, 0.31));
        Map<String, List<String>> sets = new LinkedHashMap<>();
        sets.put("0.01", List.of(BASE, UNDECLARED));
        sets.put("0.05", List.of(BASE, UNDECLARED));
        sets.put("0.1", List.of(BASE, UNDECLARED));
        Map<String, Double> ni = new LinkedHashMap<>();
        ni.put(BASE, 3.0);
        ni.put(UNDECLARED, -Math.log10(0.004));
        ni.put(UNRELATED, -Math.log10(0.31));
        b.provenanceSet(new ProvenanceSetSection("mps", TARGET, "token", 0.05, 999, 7, "not_significant",
                List.of(new ProvenanceSetSection.Member(BASE, 0.001, 3.0), new ProvenanceSetSection.Member(UNDECLARED, 0.004, -Math.log10(0.004))),
                steps, sets, ni, List.of(), List.of(), null, null, List.of()));
        b.link(new TestedLink(BASE, TARGET, true, Evidence.BLACK_BOX, LinkVerdict.RELATED, 0.001, "in the provenance set at alpha 0.05, p = 0.001"));
        b.link(new TestedLink(UNDECLARED, TARGET, true, Evidence.BLACK_BOX, LinkVerdict.RELATED, 0.004, "in the provenance set at alpha 0.05, p = 0.004"));
        b.link(new TestedLink(UNRELATED, TARGET, true, Evidence.BLACK_BOX, LinkVerdict.NOT_FOUND, 0.31, "not in the provenance set, p = 0.31"));
        b.link(new TestedLink(TARGET, BASE, false, Evidence.WEIGHTS, LinkVerdict.RELATED, 1.2e-9, "weights related, p = 1.2e-09"));
        b.link(new TestedLink(TARGET, UNRELATED, false, Evidence.WEIGHTS, LinkVerdict.UNRELATED, 0.62, "weights unrelated, p = 0.62"));
        for (String c : List.of(BASE, UNDECLARED)) {
            b.finding(new Finding(FindingKind.PROVENANCE_SET_MEMBER, List.of(TARGET, c), "in set", c.equals(BASE) ? 0.001 : 0.004,
                    c + " is in the provenance set of " + TARGET + " at alpha 0.05", List.of()));
        }
        b.finding(new Finding(FindingKind.WEIGHT_LINK, List.of(TARGET, BASE), "related", 1.2e-9, "the weights of " + TARGET + " and " + BASE
                + " share an origin", List.of("layer 3 MLP: 11008/11008 neurons matched, median cosine 0.998 (held-out 0.997), p = 0.001")));

        String rule = "related: p below 0.001 and a unit group agreeing";
        b.weightComparison(new WeightComparison(TARGET, BASE, "related", 1.2e-9, 1000, 42, rule, 0.0,
                List.of(new SignalRow("metadata (MFI)", 1.0, "1.0000 (tier 1)", null, "reported, never decides"),
                        new SignalRow("vocabulary (VOA)", 1.0, "1.0000", 1.0, "32000 shared tokens after normalising"),
                        new SignalRow("embedding anchors (EAS)", 0.98, "0.9800", 0.997, "CKA 0.9970 on 2048 shared tokens"),
                        new SignalRow("weights (WVC)", 0.91, "0.9100", 0.998, "median matched cosine 0.9980, held-out 0.9970"),
                        new SignalRow("score", 0.95, "identity 0.9500", null, "p = 1.20e-09")),
                new TreeMap<>(Map.of("embedding_cka", 0.997, "median_matched_cosine", 0.998)),
                new WeightComparison.MpkNumbers(1, 1.0, 0.98, null, null, null, 0.91, null, 1.0, 0.95, "Confirmed Match"),
                List.of("layer 3 MLP: 11008/11008 neurons matched, median cosine 0.998 (held-out 0.997), p = 0.001"),
                List.of(new WeightComparison.LayerMatch(3, 3, "mlp", 11008, 11008, 11008, 11008, 0.998, 0.997, 0.001))));
        b.weightComparison(new WeightComparison(TARGET, UNRELATED, "unrelated", 0.62, 1000, 42, rule, 0.0,
                List.of(new SignalRow("vocabulary (VOA)", 0.12, "0.1200", 0.1, "3100 shared tokens after normalising"),
                        new SignalRow("weights (WVC)", 0.05, "0.0500", 0.02, "median matched cosine 0.0200, held-out 0.0100")),
                Map.of("median_matched_cosine", 0.02),
                new WeightComparison.MpkNumbers(4, 0.2, null, null, null, null, 0.05, null, 0.12, 0.31, "Not Matched"),
                List.of("no unit group agrees"), List.of()));

        SplittableRandom random = new SplittableRandom(11);
        b.distances(new DistanceSection("token", "e".repeat(64), 200, List.of(
                DistanceSummary.of(BASE, draws(random, 200, 0.12, 0.05)),
                DistanceSummary.of(UNDECLARED, draws(random, 200, 0.25, 0.08)),
                DistanceSummary.of(UNRELATED, draws(random, 200, 0.61, 0.1))), Map.of()));
        b.timing("queries", 5120).timing("mps", 830).timing("weight_compare", 2210);
        return b.build();
    }

    /** A {@code scan} report: one weight match the model declares, one metadata-only resemblance, one unrelated near entry. */
    static Report scanReport() {
        ReportBuilder b = Report.builder("scan").environment(ENVIRONMENT).createdAt(CREATED).seed("permutations", 1);
        b.subject(new Subject("/models/chat-q4.gguf", "model", "gguf", "f".repeat(64), new DeclaredLineageSummary(true, List.of("acme/base-7b"),
                "quantized", List.of(new LineageClaim("general.base_model.0.name", "base-7b", "gguf metadata")))));
        b.subject(new Subject("acme/base-7b", "database entry", null, "b".repeat(64), DeclaredLineageSummary.NONE));
        b.subject(new Subject("other/lookalike", "database entry", null, "9".repeat(64), DeclaredLineageSummary.NONE));
        b.scan(new ScanSection("fingerprints", 152, 3, 999, 1, "related when p < 1e-04 and the embedding units agree", List.of(),
                List.of(new ScanSection.Hit("acme/base-7b", "acme", "weights", "related", 0.97, 0.001, 0.99, List.of("embedding units: 4096/4096 matched")),
                        new ScanSection.Hit("other/clone-config", "other", "metadata-only", "metadata-resemblance", 0.88, null, null, List.of())),
                List.of(new ScanSection.Hit("other/lookalike", "other", null, "unrelated", 0.02, 0.61, 0.4, List.of("no unit group agrees")))));
        b.link(new TestedLink("acme/base-7b", "/models/chat-q4.gguf", false, Evidence.FINGERPRINT, LinkVerdict.RELATED, 0.001, "fingerprint match, p = 0.001"));
        b.link(new TestedLink("other/lookalike", "/models/chat-q4.gguf", false, Evidence.FINGERPRINT, LinkVerdict.UNRELATED, 0.61, "unrelated, p = 0.61"));
        b.finding(new Finding(FindingKind.FINGERPRINT_MATCH, List.of("/models/chat-q4.gguf", "acme/base-7b"), "related", 0.001,
                "/models/chat-q4.gguf matches acme/base-7b in the fingerprint database", List.of()));
        b.finding(new Finding(FindingKind.METADATA_ONLY_MATCH, List.of("/models/chat-q4.gguf", "other/clone-config"), "metadata-resemblance", null,
                "other/clone-config shares metadata hashes with /models/chat-q4.gguf; no weights to test", List.of()));
        return b.build();
    }

    /** A bare {@code inspect} report: one model, declared lineage only. */
    static Report inspectReport() {
        return Report.builder("inspect").environment(ENVIRONMENT).createdAt(CREATED)
                .subject(new Subject(TARGET, "model", "safetensors", "a".repeat(64), new DeclaredLineageSummary(true, List.of("acme/base-7b"), "finetune",
                        List.of(new LineageClaim("base_model", "acme/base-7b", "README.md front matter")))))
                .build();
    }

    /** Seeded draws from a normal distribution (Box–Muller on the random source), clipped at zero like a distance. */
    private static double[] draws(SplittableRandom random, int n, double mean, double sd) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double u = 1 - random.nextDouble();
            double v = random.nextDouble();
            out[i] = Math.max(0, mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
        }
        return out;
    }
}
