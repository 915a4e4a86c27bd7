package dev.pedigree.model.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Float8 decoding of all 256 bytes per type, against ml_dtypes (experiments/fixtures/make_onnx_fixtures.py). */
class ElementDecodingTest {

    @Test
    void everyFloat8ByteMatchesMlDtypes() throws Exception {
        JsonNode tables;
        try (InputStream in = getClass().getResourceAsStream("/onnx/float8_tables.json")) {
            tables = new ObjectMapper().readTree(in);
        }
        for (OnnxDataType type : new OnnxDataType[] {OnnxDataType.FLOAT8E4M3FN, OnnxDataType.FLOAT8E4M3FNUZ,
            OnnxDataType.FLOAT8E5M2, OnnxDataType.FLOAT8E5M2FNUZ}) {
            JsonNode table = tables.get(type.label());
            for (int b = 0; b < 256; b++) {
                float got = ElementDecoding.float8(type, b);
                JsonNode want = table.get(b);
                if (want.isTextual() && want.asText().equals("nan")) {
                    assertTrue(Float.isNaN(got), type + " byte " + b);
                } else if (want.isTextual()) {
                    assertEquals(want.asText().startsWith("-") ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY, got, type + " byte " + b);
                } else {
                    assertEquals(want.asDouble(), got, 0.0, type + " byte " + b);
                }
            }
        }
    }

    @Test
    void nibblesAreLowFirstAndSignExtended() {
        assertEquals(0x7, ElementDecoding.nibble(0xF7, 0, false));
        assertEquals(0xF, ElementDecoding.nibble(0xF7, 1, false));
        assertEquals(7, ElementDecoding.nibble(0xF7, 0, true));
        assertEquals(-1, ElementDecoding.nibble(0xF7, 1, true));
        assertEquals(-8, ElementDecoding.nibble(0x08, 0, true));
    }
}
