package dev.pedigree.bench;

import dev.pedigree.model.open.FormatWiring;
import dev.pedigree.model.open.Model;
import dev.pedigree.model.open.ModelOpener;
import dev.pedigree.model.source.ModelLocator;
import dev.pedigree.model.source.SourceEnvironment;
import dev.pedigree.report.InspectJsonRenderer;
import dev.pedigree.report.InspectReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code inspect} on a generated llama-shaped safetensors checkpoint of about 4.6 GB: the header is
 * written, the data section is a hole (the file is extended with {@code setLength}), so generating
 * it costs nothing and every data page read afterwards shows up in the page cache. Reports the
 * cold and warm (median of 5) inspect times without the digest, the bytes of the file resident in
 * the page cache after inspect (pages read, counted with mincore), and the digest's cold and cached
 * times. Goals: warm inspect under 1 s, under 1% of the bytes touched.
 */
public final class InspectBenchmark implements Benchmark {
    private static final int HIDDEN = 4096;
    private static final int INTERMEDIATE = 11008;
    private static final int VOCAB = 32000;
    private static final int LAYERS = 10;

    @Override
    public String name() {
        return "inspect-large";
    }

    @Override
    public String description() {
        return "inspect a generated 4.6 GB sparse safetensors file: warm time and bytes touched";
    }

    @Override
    public void run(PrintWriter out) throws Exception {
        Path dir = Files.createTempDirectory("pedigree-inspect-bench");
        try {
            Path model = Files.createDirectories(dir.resolve("model"));
            long size = writeSparseCheckpoint(model.resolve("model.safetensors"));
            Files.writeString(model.resolve("config.json"), config());
            long residentBefore = PageResidency.residentBytes(model.resolve("model.safetensors"));

            SourceEnvironment system = SourceEnvironment.system();
            Map<String, String> props = new HashMap<>(system.properties());
            props.put("pedigree.cache", dir.resolve("cache").toString());
            SourceEnvironment env = new SourceEnvironment(system.env(), props, system.home());
            ModelOpener opener = new ModelOpener(new ModelLocator(env, new PrintWriter(System.err, true)), FormatWiring.standard());

            long readBefore = procSelfIo("rchar");
            double cold = timeInspect(opener, model, false);
            double[] warm = new double[5];
            for (int i = 0; i < warm.length; i++) {
                warm[i] = timeInspect(opener, model, false);
            }
            long readCalls = procSelfIo("rchar") - readBefore;
            long touched = PageResidency.residentBytes(model.resolve("model.safetensors")) - residentBefore;
            Arrays.sort(warm);
            long cpu0 = processCpuNanos();
            double digestCold = timeInspect(opener, model, true);
            double digestColdCpu = (processCpuNanos() - cpu0) / 1e9;
            double digestWarm = timeInspect(opener, model, true);

            out.printf(Locale.ROOT, "file                   %,d bytes (%d tensors, data section sparse)%n", size, 3 + 9 * LAYERS);
            out.printf(Locale.ROOT, "inspect cold           %.3f s%n", cold);
            out.printf(Locale.ROOT, "inspect warm           %.3f s median of 5 (min %.3f, max %.3f)   goal < 1 s: %s%n",
                    warm[2], warm[0], warm[4], warm[2] < 1 ? "met" : "NOT met");
            out.printf(Locale.ROOT, "data pages touched     %,d bytes = %.4f%% of the file (mincore; %,d bytes resident before)   goal < 1%%: %s%n",
                    touched, 100.0 * touched / size, residentBefore, touched < size / 100 ? "met" : "NOT met");
            out.printf(Locale.ROOT, "read() bytes           %,d over 6 inspects (/proc/self/io rchar, includes class loading)%n", readCalls);
            out.printf(Locale.ROOT, "inspect with digest    %.3f s cold (hashes every byte; %.3f s process CPU), %.3f s cached%n",
                    digestCold, digestColdCpu, digestWarm);
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static double timeInspect(ModelOpener opener, Path model, boolean digest) {
        long t0 = System.nanoTime();
        try (Model m = opener.open(model.toString())) {
            String json = InspectJsonRenderer.render(InspectReport.of(m, digest));
            if (json.isEmpty()) {
                throw new IllegalStateException("empty report");
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** A llama-shaped BF16 checkpoint: the header is real, the data section a hole. Returns the file size. */
    private static long writeSparseCheckpoint(Path file) throws IOException {
        StringBuilder json = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
        long offset = 0;
        offset = tensor(json, "model.embed_tokens.weight", VOCAB, HIDDEN, offset);
        for (int l = 0; l < LAYERS; l++) {
            String p = "model.layers." + l + ".";
            for (String proj : new String[] {"q_proj", "k_proj", "v_proj", "o_proj"}) {
                offset = tensor(json, p + "self_attn." + proj + ".weight", HIDDEN, HIDDEN, offset);
            }
            offset = tensor(json, p + "mlp.gate_proj.weight", INTERMEDIATE, HIDDEN, offset);
            offset = tensor(json, p + "mlp.up_proj.weight", INTERMEDIATE, HIDDEN, offset);
            offset = tensor(json, p + "mlp.down_proj.weight", HIDDEN, INTERMEDIATE, offset);
            offset = tensor(json, p + "input_layernorm.weight", 1, HIDDEN, offset);
            offset = tensor(json, p + "post_attention_layernorm.weight", 1, HIDDEN, offset);
        }
        offset = tensor(json, "model.norm.weight", 1, HIDDEN, offset);
        offset = tensor(json, "lm_head.weight", VOCAB, HIDDEN, offset);
        json.append('}');
        while ((json.length() + 8) % 8 != 0) {
            json.append(' ');
        }
        byte[] header = json.toString().getBytes(StandardCharsets.UTF_8);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
            raf.write(header);
            raf.setLength(8L + header.length + offset);
            return raf.length();
        }
    }

    /** Appends one BF16 tensor entry; rows 1 means a vector. */
    private static long tensor(StringBuilder json, String name, long rows, long cols, long offset) {
        long end = offset + rows * cols * 2;
        String shape = rows == 1 ? "[" + cols + "]" : "[" + rows + "," + cols + "]";
        json.append(",\"").append(name).append("\":{\"dtype\":\"BF16\",\"shape\":").append(shape)
                .append(",\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
        return end;
    }

    private static String config() {
        return "{\"architectures\":[\"LlamaForCausalLM\"],\"model_type\":\"llama\",\"hidden_size\":" + HIDDEN
                + ",\"intermediate_size\":" + INTERMEDIATE + ",\"num_hidden_layers\":" + LAYERS
                + ",\"num_attention_heads\":32,\"num_key_value_heads\":32,\"vocab_size\":" + VOCAB
                + ",\"max_position_embeddings\":4096,\"rms_norm_eps\":1e-05,\"hidden_act\":\"silu\",\"tie_word_embeddings\":false}";
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
    }

    /** A counter of /proc/self/io, or -1 where there is none. */
    private static long procSelfIo(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.substring(key.length() + 1).strip());
                }
            }
        } catch (IOException | NumberFormatException unavailable) {
            return -1;
        }
        return -1;
    }
}
