package dev.pedigree.model.roles;

import dev.pedigree.model.StoredTensor;
import dev.pedigree.model.TensorStore;
import dev.pedigree.model.open.FormatWiring;
import dev.pedigree.model.open.Model;
import dev.pedigree.model.open.ModelOpener;
import dev.pedigree.model.safetensors.SafetensorsTestFile;
import dev.pedigree.model.source.ModelLocator;
import dev.pedigree.model.source.SourceEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Test checkpoints made by copying a model's tensors under new names into a directory: config.json
 * with a new {@code model_type} (so no naming table applies), the tokenizer, and one float32
 * safetensors file written either in the model's own tensor order or sorted by name (as
 * safetensors writers do).
 */
public final class RenamedCheckpoints {
    public static final Path ZOO = Path.of("src/test/resources/zoo/models");

    /**
     * tiny-llama's names to names with no role words, chosen so that sorting the new names puts every
     * pair of shape twins (embedding and head, q and o, k and v, gate and up, the two norms) the wrong way round.
     */
    public static final UnaryOperator<String> LLAMA_HINT_FREE = replacing(orderedMap(
            "model.embed_tokens", "net.omega", "lm_head", "net.alpha", "model.norm", "net.sigma", "model.layers.", "net.stack.",
            "self_attn.q_proj", "mix.b", "self_attn.o_proj", "mix.a", "self_attn.k_proj", "mix.d", "self_attn.v_proj", "mix.c",
            "mlp.gate_proj", "ff.z", "mlp.up_proj", "ff.x", "mlp.down_proj", "ff.y", "input_layernorm", "n2", "post_attention_layernorm", "n1"));

    private RenamedCheckpoints() {
    }

    public static ModelOpener opener() {
        return new ModelOpener(new ModelLocator(SourceEnvironment.system(), new PrintWriter(System.err, true)), FormatWiring.standard());
    }

    public static Model open(Path dir) {
        return opener().open(dir.toString());
    }

    /**
     * Copies {@code source} (a zoo model directory) into {@code target} under {@code rename}d tensor
     * names and {@code modelType}, the tensors in the order {@code order} puts their new names in.
     */
    public static Path copy(Path source, Path target, UnaryOperator<String> rename, String modelType, Comparator<String> order)
            throws IOException {
        copyConfig(source, target, modelType);
        try (Model m = open(source)) {
            write(m.store(), target.resolve("model.safetensors"), rename, order);
        }
        return target;
    }

    /** {@code source}'s config.json, with {@code modelType}, and its tokenizer (when it has one) into {@code target}. */
    public static void copyConfig(Path source, Path target, String modelType) throws IOException {
        Files.createDirectories(target);
        String config = Files.readString(source.resolve("config.json"));
        Files.writeString(target.resolve("config.json"), config.replaceFirst("\"model_type\":\\s*\"[^\"]*\"", "\"model_type\": \"" + modelType + "\""));
        if (Files.exists(source.resolve("tokenizer.json"))) {
            Files.copy(source.resolve("tokenizer.json"), target.resolve("tokenizer.json"));
        }
    }

    /** The stored tensors (as stored, decoded to float32) under new names, in the order {@code order} puts the new names in. */
    public static void write(TensorStore store, Path file, UnaryOperator<String> rename, Comparator<String> order) throws IOException {
        List<StoredTensor> tensors = new ArrayList<>(store.container().tensors());
        tensors.sort(Comparator.comparing(t -> rename.apply(t.name()), order));
        SafetensorsTestFile f = new SafetensorsTestFile();
        for (StoredTensor t : tensors) {
            float[] values = new float[Math.toIntExact(t.elementCount())];
            t.read(0, values, 0, values.length);
            f.addF32(rename.apply(t.name()), t.shape(), values);
        }
        f.write(file);
    }

    /** Pairs (key, value, key, value, ...) as a map in that order. */
    public static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** A renaming by replacement of name parts, every rule applied in turn; a name no rule changes is an error in the test. */
    public static UnaryOperator<String> replacing(Map<String, String> parts) {
        return name -> {
            String out = name;
            for (Map.Entry<String, String> e : parts.entrySet()) {
                out = out.replace(e.getKey(), e.getValue());
            }
            if (out.equals(name)) {
                throw new AssertionError("renaming has no rule for " + name);
            }
            return out;
        };
    }

    /**
     * A model's own order: the names containing one of {@code before} (in that order), then layer by
     * layer the names containing one of {@code block} (in that order), then those of {@code after}.
     */
    public static Comparator<String> modelOrder(List<String> before, List<String> block, List<String> after) {
        List<List<String>> sections = List.of(before, block, after);
        return Comparator.comparingInt((String n) -> section(sections, n)[0]).thenComparingInt(RenamedCheckpoints::firstNumber)
                .thenComparingInt(n -> section(sections, n)[1]).thenComparing(Comparator.naturalOrder());
    }

    private static int[] section(List<List<String>> sections, String name) {
        for (int s = 0; s < sections.size(); s++) {
            for (int i = 0; i < sections.get(s).size(); i++) {
                if (name.contains(sections.get(s).get(i))) {
                    return new int[] {s, i};
                }
            }
        }
        throw new AssertionError("no place in the order for " + name);
    }

    private static int firstNumber(String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\.(\\d+)\\.").matcher(name);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
