package dev.pedigree.model.open;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.model.Role;
import dev.pedigree.model.RoleAssignment;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.TensorStore;
import dev.pedigree.model.source.ModelLocator;
import dev.pedigree.model.source.SourceEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One zoo model (tiny-llama-a) as saved by transformers (safetensors), as exported to ONNX, and as
 * converted to GGUF with llama.cpp's q/k row permutation: every weight must come out of the tensor
 * view identical by role and layer, in HF orientation. This ties the three readers and their role maps
 * together on files written by independent tools.
 */
class ZooCrossFormatTest {
    private static final Path ZOO = Path.of("src/test/resources/zoo");
    private static final List<Role> BLOCK_ROLES = List.of(Role.Q, Role.K, Role.V, Role.O, Role.GATE, Role.UP,
            Role.DOWN, Role.ATTN_NORM, Role.MLP_NORM);

    private static ModelOpener opener() {
        return new ModelOpener(new ModelLocator(SourceEnvironment.system(), new PrintWriter(new StringWriter())),
                FormatWiring.standard());
    }

    private static void assertSameWeights(TensorStore expected, TensorStore actual, double tolerance, String what) {
        int layers = expected.layerCount();
        assertEquals(layers, actual.layerCount(), what + ": layer count");
        for (int layer = 0; layer < layers; layer++) {
            for (Role role : BLOCK_ROLES) {
                compare(expected, actual, role, layer, tolerance, what);
            }
        }
        compare(expected, actual, Role.EMBEDDING, -1, tolerance, what);
        compare(expected, actual, Role.FINAL_NORM, -1, tolerance, what);
    }

    private static void compare(TensorStore expected, TensorStore actual, Role role, int layer, double tol, String what) {
        TensorInfo e = expected.find(role, layer).orElseThrow(() -> new AssertionError("reference lacks " + role + " " + layer));
        TensorInfo a = actual.find(role, layer).orElseThrow(() -> new AssertionError(what + " lacks " + role + " " + layer));
        assertEquals(java.util.Arrays.toString(e.shape()), java.util.Arrays.toString(a.shape()), what + " " + role + " " + layer);
        float[] x = expected.read(e);
        float[] y = actual.read(a);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            worst = Math.max(worst, Math.abs(x[i] - y[i]));
        }
        assertTrue(worst <= tol, what + " " + role + " layer " + layer + ": max difference " + worst);
    }

    @Test
    void safetensorsOnnxAndGgufGiveTheSameWeights() {
        ModelOpener opener = opener();
        try (Model st = opener.open(ZOO.resolve("models/tiny-llama-a").toString());
             Model onnx = opener.open(ZOO.resolve("models/tiny-llama-a/onnx/model.onnx").toString());
             Model f16 = opener.open(ZOO.resolve("gguf/tiny-llama-a-gguf-f16.gguf").toString());
             Model q8 = opener.open(ZOO.resolve("gguf/tiny-llama-a-gguf-q8_0.gguf").toString())) {
            assertSameWeights(st.store(), onnx.store(), 0.0, "onnx export");
            // F16 rounding of weights of magnitude < 1: relative error 2^-11
            assertSameWeights(st.store(), f16.store(), 2e-3, "gguf f16");
            // Q8_0: one scale per 32 values, error up to half a step (the zoo measured 2.5e-3)
            assertSameWeights(st.store(), q8.store(), 5e-3, "gguf q8_0");
        }
    }

    @Test
    void everyZooModelOpensWithEveryBlockRoleMapped() throws IOException {
        ModelOpener opener = opener();
        List<Path> dirs;
        try (Stream<Path> s = Files.list(ZOO.resolve("models"))) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(dirs.size() >= 10, "zoo fixtures present: " + dirs);
        for (Path dir : dirs) {
            try (Model m = opener.open(dir.toString())) {
                TensorStore store = m.store();
                String type = m.architecture().modelType();
                // Renamed tensors under a tampered model_type: no naming table, so roles inferred from structure and labelled so.
                RoleAssignment.Method expected = "zoo_lm".equals(type) ? RoleAssignment.Method.STRUCTURE : RoleAssignment.Method.NAMING_TABLE;
                assertEquals(expected, store.roleAssignment().method(), dir.toString());
                assertTrue(store.layerCount() >= 1, dir + ": layers");
                for (int layer = 0; layer < store.layerCount(); layer++) {
                    for (Role role : List.of(Role.Q, Role.K, Role.V, Role.O, Role.UP, Role.DOWN)) {
                        assertTrue(store.find(role, layer).isPresent(), dir + ": " + role + " of layer " + layer);
                    }
                }
            }
        }
    }
}
