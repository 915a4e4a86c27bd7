package dev.pedigree.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.pedigree.error.BadInputException;
import java.io.IOException;

/**
 * A {@link Report} as JSON, snake_case keys, and back. JSON has no NaN or infinity: a number that could
 * not be computed is written as null. Reading refuses a schema version this build does not know.
 */
public final class ReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule("finite-numbers")
                    .addSerializer(Double.class, new FiniteDouble())
                    .addSerializer(double.class, new FiniteDouble()));

    private ReportJson() {
    }

    public static String render(Report report) {
        try {
            return MAPPER.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report could not be written as JSON", e);
        }
    }

    /** The report as a JSON tree (for the SARIF and CycloneDX renderers' property bags, and tests). */
    public static JsonNode tree(Report report) {
        return MAPPER.valueToTree(report);
    }

    /** Reads a report written by {@link #render}; refuses an unknown schema version with a message saying which. */
    public static Report read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BadInputException("not a pedigree report: " + e.getOriginalMessage());
        }
        JsonNode version = root == null ? null : root.get("schema_version");
        if (version == null || !version.canConvertToInt()) {
            throw new BadInputException("not a pedigree report: no schema_version");
        }
        if (version.asInt() != Report.SCHEMA_VERSION) {
            throw new BadInputException("pedigree report schema version " + version.asInt() + " is not known to this build (it reads version "
                    + Report.SCHEMA_VERSION + ")");
        }
        try {
            return MAPPER.treeToValue(root, Report.class);
        } catch (JsonProcessingException e) {
            throw new BadInputException("a pedigree report of schema version " + Report.SCHEMA_VERSION + " that does not fit it: "
                    + e.getOriginalMessage());
        }
    }

    /** Writes NaN and infinities as null. */
    private static final class FiniteDouble extends StdSerializer<Double> {
        FiniteDouble() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value == null || !Double.isFinite(value)) {
                gen.writeNull();
            } else {
                gen.writeNumber(value);
            }
        }
    }
}
