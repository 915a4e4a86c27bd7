package dev.pedigree.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One thing a report asks a person (or CI) to look at.
 *
 * @param kind     what was found
 * @param models   the models it concerns, the subject first
 * @param verdict  the verdict behind it ({@code related}, {@code unrelated}, {@code in set}, …), or null
 * @param pValue   the p-value behind it, or null
 * @param message  one sentence a person can read
 * @param evidence supporting lines, most telling first
 */
@JsonIgnoreProperties(value = "severity", allowGetters = true)
public record Finding(FindingKind kind, List<String> models, String verdict, Double pValue, String message, List<String> evidence) {
    public Finding {
        models = List.copyOf(models);
        evidence = List.copyOf(evidence);
    }

    @JsonProperty("severity")
    public Severity severity() {
        return kind.severity();
    }
}
