package dev.pedigree.signals.mpk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.testing.SharedReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MfiHashesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> catalogueMfis() throws IOException {
        Path features = SharedReference.cisco().resolve("database/features/base/by-family");
        List<Map<String, Object>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(features)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                Map<String, Object> entry = JSON.readValue(f.toFile(), Map.class);
                Map<String, Object> mfi = new HashMap<>((Map<String, Object>) entry.get("mfi"));
                mfi.put("__file", f.getFileName().toString());
                out.add(mfi);
            }
        }
        return out;
    }

    @Test
    void archHashOfEveryCatalogueEntryEqualsTheStoredOne() throws IOException {
        List<Map<String, Object>> mfis = catalogueMfis();
        assertEquals(152, mfis.size());
        for (Map<String, Object> mfi : mfis) {
            assertEquals(mfi.get("arch_hash"), MfiHashes.archHash(mfi), (String) mfi.get("__file"));
        }
    }

    /**
     * 148 of 152 family hashes reproduce from the stored fields. The other four had an integer
     * {@code rope_theta} in their config.json (Python's bucket prints {@code 1000000}, not
     * {@code 1000000.0}) but the catalogue stored it as a float; with the integer restored they match.
     */
    @Test
    void familyHashReproducesAndTheFourMismatchesAreIntegerRopeTheta() throws IOException {
        int direct = 0;
        List<String> viaInteger = new ArrayList<>();
        for (Map<String, Object> mfi : catalogueMfis()) {
            if (mfi.get("family_hash").equals(MfiHashes.familyHash(mfi))) {
                direct++;
                continue;
            }
            double theta = ((Number) mfi.get("rope_theta")).doubleValue();
            assertTrue(theta == Math.rint(theta), "non-integral rope_theta cannot explain " + mfi.get("__file"));
            Map<String, Object> asInt = new HashMap<>(mfi);
            asInt.put("rope_theta", (long) theta);
            assertEquals(mfi.get("family_hash"), MfiHashes.familyHash(asInt), (String) mfi.get("__file"));
            viaInteger.add((String) mfi.get("__file"));
        }
        assertEquals(148, direct);
        assertEquals(4, viaInteger.size(), viaInteger.toString());
    }

    @Test
    void pythonFloatReprLayout() {
        // python -c "print([repr(x) for x in [1e-05, 0.0001, 10000.0, 1e16, 1.5e16, 1234567890123456.0, 0.1, 5e-324, -2.5, 0.00012]])"
        assertEquals("1e-05", PythonJson.floatRepr(1e-05));
        assertEquals("0.0001", PythonJson.floatRepr(0.0001));
        assertEquals("10000.0", PythonJson.floatRepr(10000.0));
        assertEquals("1e+16", PythonJson.floatRepr(1e16));
        assertEquals("1.5e+16", PythonJson.floatRepr(1.5e16));
        assertEquals("1234567890123456.0", PythonJson.floatRepr(1234567890123456.0));
        assertEquals("0.1", PythonJson.floatRepr(0.1));
        assertEquals("5e-324", PythonJson.floatRepr(5e-324));
        assertEquals("-2.5", PythonJson.floatRepr(-2.5));
        assertEquals("0.00012", PythonJson.floatRepr(0.00012));
    }

    @Test
    void dumpsMatchesPython() {
        // python -c "import json; print(json.dumps(['a\u00e9\u4e00', 'q\"\\\\\n', None, True, 1, 2.0, {'b':1,'a':[1.5]}], sort_keys=True))"
        Map<String, Object> m = new HashMap<>();
        m.put("b", 1);
        m.put("a", List.of(1.5));
        List<Object> v = new ArrayList<>(List.of("aé一", "q\"\\\n"));
        v.add(null);
        v.addAll(List.of(true, 1, 2.0, m));
        assertEquals("[\"a\\u00e9\\u4e00\", \"q\\\"\\\\\\n\", null, true, 1, 2.0, {\"a\": [1.5], \"b\": 1}]", PythonJson.dumps(v));
    }

    @Test
    void ropeThetaBucketKeepsPythonTypes() {
        // python -c "print(str(round(1000000,-2)), str(round(10000.0,-2)), str(round(500050,-2)), str(round(123456.7,-2)))"
        // -> 1000000 10000.0 500000 123500.0
        assertEquals("1000000", MfiHashes.ropeThetaBucket(1000000));
        assertEquals("10000.0", MfiHashes.ropeThetaBucket(10000.0));
        assertEquals("500000", MfiHashes.ropeThetaBucket(500050L));
        assertEquals("123500.0", MfiHashes.ropeThetaBucket(123456.7));
        assertEquals("none", MfiHashes.ropeThetaBucket(null));
    }
}
