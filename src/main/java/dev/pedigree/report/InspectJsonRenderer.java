package dev.pedigree.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * An {@link InspectReport} as JSON with snake_case keys: {@code format}, {@code architecture.hidden_size},
 * {@code parameters}, {@code tensors[] {name, role, layer, bias, dtype, shape}}, {@code declared_lineage},
 * {@code digest}, and the rest of the record's fields.
 */
public final class InspectJsonRenderer {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private InspectJsonRenderer() {
    }

    public static String render(InspectReport report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an inspect report could not be written as JSON", e);
        }
    }
}
