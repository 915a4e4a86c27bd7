package dev.pedigree.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.ModelFormat;
import dev.pedigree.model.ModelReader;
import dev.pedigree.model.TensorContainer;
import dev.pedigree.model.open.FormatWiring;
import dev.pedigree.model.open.ModelDescription;
import dev.pedigree.model.open.ModelOpener;
import dev.pedigree.model.roles.TensorRoles;
import dev.pedigree.model.source.ModelLocator;
import dev.pedigree.model.source.SourceEnvironment;
import dev.pedigree.signals.WeightAlignment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading the queried models' files for {@code set}: each local model is opened once whether or not its
 * weights are compared, its description carries the format, digest and declared lineage, a server is
 * described as one (no weights, no digest), and a model whose files cannot be opened is kept with the reason.
 */
class ModelFilesTest {
    private static final String ZOO = "src/test/resources/zoo/models/";
    private static final String SERVER = "http://127.0.0.1:9/v1#tiny";

    @TempDir
    Path cache;

    /** The standard wiring, counting how often each weight file is opened. */
    private static final class CountingWiring implements FormatWiring {
        final FormatWiring standard = FormatWiring.standard();
        final Map<Path, Integer> opened = new ConcurrentHashMap<>();

        @Override
        public ModelReader reader(ModelFormat format) {
            ModelReader r = standard.reader(format);
            return new ModelReader() {
                @Override
                public ModelFormat format() {
                    return r.format();
                }

                @Override
                public TensorContainer open(Path file) {
                    opened.merge(file.toAbsolutePath().normalize(), 1, Integer::sum);
                    return r.open(file);
                }
            };
        }

        @Override
        public ArchitectureSpec architecture(TensorContainer container, Path configJson) {
            return standard.architecture(container, configJson);
        }

        @Override
        public TensorRoles roles(ModelFormat format, ArchitectureSpec architecture) {
            return standard.roles(format, architecture);
        }
    }

    private ModelOpener opener(FormatWiring wiring) {
        SourceEnvironment env = new SourceEnvironment(Map.of(), Map.of("pedigree.cache", cache.toString()), cache.resolve("home"));
        return new ModelOpener(new ModelLocator(env, new PrintWriter(new StringWriter())), wiring);
    }

    private static Map<String, String> specs(String... names) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String n : names) {
            m.put(n, n.startsWith("http") ? n : ZOO + n);
        }
        return m;
    }

    @Test
    void everyLocalModelIsOpenedOnceAndDescribedBesideItsWeightComparison() {
        CountingWiring wiring = new CountingWiring();
        ModelFiles.Result r = ModelFiles.read("tiny-llama-a-ft", ZOO + "tiny-llama-a-ft", specs("tiny-llama-a", "tiny-llama-b", SERVER),
                specs("tiny-gpt2-a"), opener(wiring), true, WeightAlignment.Settings.defaults(999, 1), new PrintWriter(new StringWriter()));

        assertEquals(4, wiring.opened.size(), wiring.opened.toString());
        wiring.opened.forEach((file, times) -> assertEquals(1, times, file + " opened " + times + " times"));

        assertEquals(List.of("tiny-llama-a-ft", "tiny-llama-a", "tiny-llama-b", SERVER, "tiny-gpt2-a"), List.copyOf(r.descriptions().keySet()));
        ModelDescription target = r.descriptions().get("tiny-llama-a-ft");
        assertEquals(ZOO + "tiny-llama-a-ft", target.spec());
        assertEquals("safetensors", target.format());
        assertTrue(target.digest().matches("[0-9a-f]{64}"), target.digest());
        assertEquals(List.of("pedigree-zoo/tiny-llama-a"), target.declared().baseModels());
        assertEquals("finetune", target.declared().relation().orElseThrow());
        assertTrue(r.descriptions().get("tiny-llama-a").declared().baseModels().isEmpty(), "the base declares nothing, and that was read");

        ModelDescription server = r.descriptions().get(SERVER);
        assertEquals("server", server.format());
        assertNull(server.digest());
        assertNull(server.declared(), "a server's declared lineage is unknown, not empty");

        // weights: the candidates only (never the reference), the server with its reason
        assertEquals(List.of("tiny-llama-a", "tiny-llama-b", SERVER), r.weights().stream().map(WeightEvidence::candidate).toList());
        assertEquals("related", r.weights().get(0).verdict());
        assertEquals("unrelated", r.weights().get(1).verdict());
        assertTrue(r.weights().get(2).note().contains("server"), r.weights().get(2).toString());
        assertEquals(Map.of(), r.unreadable());
    }

    @Test
    void withoutWeightsOrDigestsTheFilesAreStillReadForTheDeclaredLineage() {
        CountingWiring wiring = new CountingWiring();
        ModelFiles.Result r = ModelFiles.read("tiny-llama-a-distilled", ZOO + "tiny-llama-a-distilled", specs("tiny-llama-a", "no-such-model"),
                Map.of(), opener(wiring), false, null, new PrintWriter(new StringWriter()));
        wiring.opened.forEach((file, times) -> assertEquals(1, times, file + " opened " + times + " times"));
        assertEquals(List.of(), r.weights());
        ModelDescription target = r.descriptions().get("tiny-llama-a-distilled");
        assertNull(target.digest(), "--no-digest");
        assertEquals(List.of("pedigree-zoo/tiny-llama-b"), target.declared().baseModels(), "the card's claim, true or not");
        ModelDescription missing = r.descriptions().get("no-such-model");
        assertNull(missing.format());
        assertNull(missing.declared());
        assertNotNull(r.unreadable().get("no-such-model"));
        assertTrue(r.unreadable().get("no-such-model").contains("no-such-model"), r.unreadable().toString());
    }
}
