package dev.pedigree.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A {@link Report}'s findings as a SARIF 2.1.0 log, for code-scanning dashboards and CI. Every
 * {@link FindingKind} is a rule with a stable id (its index in the rule list is stable too); each
 * result points at the model it concerns (a file URI for local models, the MODEL argument as a URI for
 * {@code hf:} and {@code maven:} models) and carries a partial fingerprint made from the rule and the
 * models' content digests, so the same finding on the same models is recognised across runs.
 */
public final class SarifLog {
    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    static final String FINGERPRINT_KEY = "pedigreeFinding/v1";
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SarifLog() {
    }

    public static String render(Report r) {
        ObjectNode log = JSON.createObjectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "pedigree");
        driver.put("version", r.environment().toolVersion());
        ArrayNode rules = driver.putArray("rules");
        for (FindingKind k : FindingKind.values()) {
            ObjectNode rule = rules.addObject();
            rule.put("id", k.ruleId());
            rule.put("name", k.ruleName());
            rule.putObject("shortDescription").put("text", k.description());
            rule.putObject("defaultConfiguration").put("level", k.severity().label());
            rule.putObject("properties").put("fail_on", k.token()).put("asserts_link", k.isLink());
        }
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        invocation.put("endTimeUtc", r.createdAt());
        ArrayNode artifacts = run.putArray("artifacts");
        for (Subject s : r.subjects()) {
            ObjectNode a = artifacts.addObject();
            a.putObject("location").put("uri", uri(s.name()));
            a.putObject("description").put("text", s.role() + (s.format() == null ? "" : ", " + s.format()));
            if (s.digest() != null) {
                a.putObject("hashes").put("sha-256", s.digest());
            }
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : r.findings()) {
            results.add(result(r, f));
        }
        ReportSummary summary = ReportSummary.of(r);
        ObjectNode props = run.putObject("properties");
        props.put("job", r.job());
        props.put("summary", summary.text());
        props.put("report_schema_version", r.schemaVersion());
        props.set("environment", JSON.valueToTree(r.environment()));
        props.set("seeds", JSON.valueToTree(r.seeds()));
        try {
            return JSON.writeValueAsString(log) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    private static ObjectNode result(Report r, Finding f) {
        ObjectNode res = JSON.createObjectNode();
        res.put("ruleId", f.kind().ruleId());
        res.put("ruleIndex", f.kind().ordinal());
        res.put("level", f.severity().label());
        res.putObject("message").put("text", f.message());
        ArrayNode locations = res.putArray("locations");
        for (String model : f.models()) {
            ObjectNode loc = locations.addObject();
            if (r.subject(model) != null) {
                loc.putObject("physicalLocation").putObject("artifactLocation").put("uri", uri(model));
            }
            loc.putArray("logicalLocations").addObject().put("name", model).put("kind", "module");
        }
        res.putObject("partialFingerprints").put(FINGERPRINT_KEY, fingerprint(r, f));
        ObjectNode props = res.putObject("properties");
        if (f.verdict() != null) {
            props.put("verdict", f.verdict());
        }
        if (f.pValue() != null && Double.isFinite(f.pValue())) {
            props.put("p_value", f.pValue());
        }
        ArrayNode evidence = props.putArray("evidence");
        f.evidence().forEach(evidence::add);
        return res;
    }

    /**
     * SHA-256 of the rule id and each model's identity (its content digest where known, else its name),
     * in the finding's order: stable across runs, machines and paths for the same models.
     */
    static String fingerprint(Report r, Finding f) {
        StringBuilder s = new StringBuilder(f.kind().ruleId());
        for (String model : f.models()) {
            Subject subject = r.subject(model);
            s.append('\n').append(subject != null && subject.digest() != null ? "sha256:" + subject.digest() : "name:" + model);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The MODEL argument as a URI: {@code hf:} / {@code maven:} / {@code http(s):} as they are, a local path as a file URI. */
    static String uri(String model) {
        try {
            if (SCHEME.matcher(model).matches() && !looksLikeWindowsDrive(model)) {
                int colon = model.indexOf(':');
                return new URI(model.substring(0, colon), model.substring(colon + 1), null).toASCIIString();
            }
            return Path.of(model).toAbsolutePath().normalize().toUri().toASCIIString();
        } catch (URISyntaxException | InvalidPathException e) {
            return percentEncoded(model);
        }
    }

    private static boolean looksLikeWindowsDrive(String s) {
        return s.length() > 2 && s.charAt(1) == ':' && (s.charAt(2) == '\\' || s.charAt(2) == '/');
    }

    /** Last resort for a name no URI constructor accepts: a relative reference with every unsafe byte percent-encoded. */
    private static String percentEncoded(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 128 && (Character.isLetterOrDigit(c) || "-._~/".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
