package dev.pedigree.blackbox.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.blackbox.Decoding;
import dev.pedigree.blackbox.MeasuredDistances;
import dev.pedigree.blackbox.DistanceMatrixBuilder;
import dev.pedigree.blackbox.ModelQueries;
import dev.pedigree.blackbox.QueryableModel;
import dev.pedigree.blackbox.RealEncoders;
import dev.pedigree.blackbox.ZooModels;
import dev.pedigree.blackbox.cache.OutputCache;
import dev.pedigree.blackbox.distance.DistributionDistance;
import dev.pedigree.blackbox.distance.PromptDistance;
import dev.pedigree.blackbox.distance.RepresentationDistance;
import dev.pedigree.blackbox.distance.SemanticDistance;
import dev.pedigree.blackbox.distance.TokenDistance;
import dev.pedigree.blackbox.onnx.OnnxCausalLanguageModel;
import dev.pedigree.blackbox.onnx.OnnxEncoder;
import dev.pedigree.blackbox.prompts.PromptSet;
import dev.pedigree.error.BadInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAI-compatible backends against a loopback server that serves real ONNX models through the
 * in-process backends: the same models must give the same distance matrices either way.
 */
class HttpBackendTest {
    private static final String KEY = "test-key";
    private static final List<String> LMS = List.of("tiny-llama-a-ft", "tiny-llama-a", "tiny-llama-b");
    private static final int BATCH = 16;
    private static final Decoding DECODING = new Decoding(16, 20);
    private static Map<String, OnnxCausalLanguageModel> lms;
    private static OnnxEncoder minilm;
    private static OnnxEncoder bge;
    private static OpenAiCompatibleServer server;
    private static final FaultInjection faults = new FaultInjection();
    private static PromptSet prompts;
    @TempDir
    static Path cache;

    @BeforeAll
    static void start() throws IOException {
        lms = new java.util.LinkedHashMap<>();
        for (String name : LMS) {
            lms.put(name, ZooModels.open(name, BATCH));
        }
        minilm = RealEncoders.open(RealEncoders.MINILM_Q);
        bge = RealEncoders.open(RealEncoders.BGE_EN);
        server = new OpenAiCompatibleServer(lms, Map.of(minilm.name(), minilm, bge.name(), bge), KEY);
        server.addFilter(faults);
        List<String> some = PromptSet.load(Path.of("prompts", "sentences-en.txt")).prompts().subList(200, 248);
        prompts = new PromptSet("http-48", some, PromptSet.sha256(String.join("\n", some).getBytes()));
    }

    @AfterAll
    static void stop() {
        server.close();
        lms.values().forEach(OnnxCausalLanguageModel::close);
        minilm.close();
        bge.close();
    }

    private static ServerOptions options(String model) {
        return ServerOptions.of(server.baseUrl(), model, KEY).withBatchSize(BATCH).withRetries(4, 1000);
    }

    private static HttpCausalLanguageModel remote(String name) {
        return new HttpCausalLanguageModel(options(name), ZooModels.ROOT.resolve(name).resolve("tokenizer.json"), 512);
    }

    private static MeasuredDistances matrix(String cacheName, QueryableModel target, List<? extends QueryableModel> candidates,
            PromptDistance distance) {
        ModelQueries queries = new ModelQueries(new OutputCache(cache.resolve(cacheName), 16), prompts,
                new PrintWriter(new StringWriter()), false);
        return new DistanceMatrixBuilder(queries).build(target, candidates, distance);
    }

    @Test
    void causalMatricesEqualInProcessOnes() {
        List<PromptDistance> distances = List.of(new TokenDistance(DECODING), new DistributionDistance(DECODING),
                new SemanticDistance(DECODING, minilm));
        List<OnnxCausalLanguageModel> local = List.of(lms.get("tiny-llama-a"), lms.get("tiny-llama-b"));
        List<HttpCausalLanguageModel> remote = List.of(remote("tiny-llama-a"), remote("tiny-llama-b"));
        for (PromptDistance distance : distances) {
            MeasuredDistances inProcess = matrix("local", lms.get("tiny-llama-a-ft"), local, distance);
            MeasuredDistances overHttp = matrix("http", remote("tiny-llama-a-ft"), remote, distance);
            assertTrue(overHttp.excluded().isEmpty(), overHttp.excluded().toString());
            assertEquals(inProcess.candidates(), overHttp.candidates());
            for (int i = 0; i < 2; i++) {
                assertArrayEquals(inProcess.values()[i], overHttp.values()[i], 0.0, distance.name());
            }
            assertTrue(inProcess.rowMeans()[0] < inProcess.rowMeans()[1], distance.name() + ": parent not nearer");
        }
    }

    @Test
    void encoderMatrixEqualsInProcessOne() {
        MeasuredDistances inProcess = matrix("local-enc", minilm, List.of(bge), RepresentationDistance.withDefaultAnchors());
        MeasuredDistances overHttp = matrix("http-enc", new HttpTextEmbedder(options(minilm.name())),
                List.of(new HttpTextEmbedder(options(bge.name()))), RepresentationDistance.withDefaultAnchors());
        assertArrayEquals(inProcess.values()[0], overHttp.values()[0], 0.0);
    }

    @Test
    void serverErrorsAreRetried() {
        HttpTextEmbedder embedder = new HttpTextEmbedder(options(minilm.name()));
        faults.failNext(2, 503, null);
        float[][] v = embedder.embed(List.of("a retried request"));
        assertEquals(3, embedder.client().attempts());
        assertArrayEquals(minilm.embed(List.of("a retried request"))[0], v[0], 0f);
    }

    @Test
    void tooManyRequestsWaitsAsTold() {
        HttpTextEmbedder embedder = new HttpTextEmbedder(options(minilm.name()));
        faults.failNext(1, 429, "1");
        long start = System.nanoTime();
        embedder.embed(List.of("after a pause"));
        assertTrue(System.nanoTime() - start >= 1_000_000_000L, "Retry-After: 1 not honoured");
        assertEquals(2, embedder.client().attempts());
    }

    @Test
    void wrongKeyIsRefusedWithoutRetrying() {
        HttpTextEmbedder embedder = new HttpTextEmbedder(ServerOptions.of(server.baseUrl(), minilm.name(), "wrong"));
        BadInputException e = assertThrows(BadInputException.class, () -> embedder.embed(List.of("x")));
        assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
        assertEquals(1, embedder.client().attempts());
    }

    @Test
    void rateLimitSpacesRequests() {
        HttpTextEmbedder embedder = new HttpTextEmbedder(ServerOptions.of(server.baseUrl(), minilm.name(), KEY)
                .withBatchSize(1).withRetries(0, 10));
        long start = System.nanoTime();
        embedder.embed(List.of("one", "two", "three", "four", "five", "six"));
        assertTrue(System.nanoTime() - start >= 500_000_000L, "6 requests at 10/s took less than 0.5 s");
    }

    @Test
    void unreachableCandidateIsExcludedAndTheRestGoOn() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ServerOptions down = new ServerOptions(URI.create("http://127.0.0.1:" + port + "/v1"), "gone", KEY,
                Duration.ofSeconds(2), 1, 100, BATCH);
        MeasuredDistances m = matrix("down", minilm, List.of(new HttpTextEmbedder(down), bge),
                RepresentationDistance.withDefaultAnchors());
        assertEquals(List.of(bge.name()), m.candidates());
        assertTrue(m.excluded().get("gone").contains("no answer after 2 attempts"), m.excluded().toString());
    }

    @Test
    void keyComesFromTheEnvironmentInOrder() {
        assertEquals("p", ServerOptions.keyFromEnvironment(Map.of("PEDIGREE_API_KEY", "p", "OPENAI_API_KEY", "o")));
        assertEquals("o", ServerOptions.keyFromEnvironment(Map.of("OPENAI_API_KEY", "o")));
        assertNull(ServerOptions.keyFromEnvironment(Map.of()));
    }

    @Test
    void centredLogitsNeedAnInProcessModel() {
        MeasuredDistances m = matrix("logits", lms.get("tiny-llama-a-ft"), List.of(remote("tiny-llama-a")),
                new dev.pedigree.blackbox.distance.CentredLogitsDistance());
        assertTrue(m.candidates().isEmpty());
        assertTrue(m.excluded().get("tiny-llama-a").contains("full logits"), m.excluded().toString());
    }
}
