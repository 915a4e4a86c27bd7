package dev.pedigree.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Every kind of finding a report can carry. The token names the kind on the command line
 * ({@code --fail-on undeclared}) and in JSON; the rule id is the SARIF rule and never changes once
 * released (CI systems key their suppressions on it).
 */
public enum FindingKind {
    UNDECLARED_LINEAGE("undeclared", "PDG001", Severity.ERROR, true,
            "A link to another model was found that the model does not declare."),
    DECLARED_CONTRADICTED("contradicted", "PDG002", Severity.ERROR, false,
            "A declared parent was tested and the evidence does not support it."),
    METADATA_ONLY_MATCH("metadata-only", "PDG003", Severity.WARNING, false,
            "Metadata or tokenizer match while the weights show no shared origin: configs can be copied."),
    PROVENANCE_SET_MEMBER("set-member", "PDG004", Severity.NOTE, true,
            "A candidate is in the provenance set of the target at level alpha (black-box evidence)."),
    WEIGHT_LINK("weight-link", "PDG005", Severity.NOTE, true,
            "The weights of two models share an origin (white-box evidence)."),
    FINGERPRINT_MATCH("fingerprint-match", "PDG006", Severity.NOTE, true,
            "The model matches an entry of the fingerprint database."),
    EVIDENCE_DISAGREEMENT("disagreement", "PDG007", Severity.WARNING, false,
            "Black-box and weight evidence disagree about a pair of models."),
    DECLARED_UNVERIFIED("unverified", "PDG008", Severity.NOTE, false,
            "A declared parent was not among the models tested, or the test was inconclusive."),
    DECLARED_CONFIRMED("confirmed", "PDG009", Severity.NOTE, true,
            "A declared parent was tested and the evidence supports it."),
    EXCLUDED_MODEL("excluded", "PDG010", Severity.WARNING, false,
            "A model could not be tested (unreadable, wrong format, server down) and was left out.");

    private final String token;
    private final String ruleId;
    private final Severity severity;
    private final boolean link;
    private final String description;

    FindingKind(String token, String ruleId, Severity severity, boolean link, String description) {
        this.token = token;
        this.ruleId = ruleId;
        this.severity = severity;
        this.link = link;
        this.description = description;
    }

    /** The name on the command line and in JSON. */
    @JsonValue
    public String token() {
        return token;
    }

    /** The stable SARIF rule id. */
    public String ruleId() {
        return ruleId;
    }

    public Severity severity() {
        return severity;
    }

    /** Whether a finding of this kind asserts that two models share an origin ({@code --fail-on link}). */
    public boolean isLink() {
        return link;
    }

    public String description() {
        return description;
    }

    /** The rule's name in SARIF: the constant in UpperCamelCase ({@code UndeclaredLineage}). */
    public String ruleName() {
        StringBuilder s = new StringBuilder();
        for (String part : name().split("_")) {
            s.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return s.toString();
    }
}
