package dev.pedigree.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/**
 * The official CycloneDX 1.6 and SARIF 2.1.0 JSON schemas, copied into the test resources
 * ({@code schemas/}) with the two schemas bom-1.6 refers to (SPDX licence ids, JSF signatures); their
 * {@code $id}s are mapped to those copies, so validation never goes to the network.
 */
public final class JsonSchemas {
    private static final String CYCLONEDX_ID = "http://cyclonedx.org/schema/";
    private static final String SARIF_ID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/";

    private JsonSchemas() {
    }

    public static List<String> cycloneDx16Errors(JsonNode bom) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                b -> b.schemaIdResolvers(r -> r.mapPrefix(CYCLONEDX_ID, "classpath:schemas/")));
        return messages(registry.getSchema(SchemaLocation.of(CYCLONEDX_ID + "bom-1.6.schema.json")), bom);
    }

    public static List<String> sarif210Errors(JsonNode log) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
                b -> b.schemaIdResolvers(r -> r.mapPrefix(SARIF_ID, "classpath:schemas/")));
        return messages(registry.getSchema(SchemaLocation.of(SARIF_ID + "sarif-schema-2.1.0.json")), log);
    }

    private static List<String> messages(Schema schema, JsonNode doc) {
        return schema.validate(doc).stream().map(Error::toString).toList();
    }
}
