package dev.pedigree.blackbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pedigree.blackbox.Continuation;
import dev.pedigree.blackbox.Decoding;
import dev.pedigree.blackbox.TopTokens;
import dev.pedigree.blackbox.onnx.OnnxCausalLanguageModel;
import dev.pedigree.blackbox.onnx.OnnxEncoder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An OpenAI-compatible server on 127.0.0.1 (a free port) that answers from in-process ONNX models:
 * {@code /v1/completions} (string prompts → greedy continuation with top log-probabilities as token
 * ids; id-list prompts with {@code echo} → log-probabilities of every prompt token) and
 * {@code /v1/embeddings}, behind a bearer key. It is what the HTTP backends are tested and benchmarked
 * against: the same models served and run in process must give the same matrices. Filters
 * ({@link #addFilter}) let tests inject faults.
 */
public final class OpenAiCompatibleServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Map<String, OnnxCausalLanguageModel> causal;
    private final Map<String, OnnxEncoder> encoders;
    private final String key;
    private final List<HttpContext> contexts = new ArrayList<>();

    /** Starts serving at once; {@link #baseUrl()} says where. */
    public OpenAiCompatibleServer(Map<String, OnnxCausalLanguageModel> causal, Map<String, OnnxEncoder> encoders, String key)
            throws IOException {
        this.causal = causal;
        this.encoders = encoders;
        this.key = key;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        contexts.add(server.createContext("/v1/completions", exchange -> handle(exchange, this::completions)));
        contexts.add(server.createContext("/v1/embeddings", exchange -> handle(exchange, this::embeddings)));
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /** Runs {@code filter} before every endpoint (tests use it to fail requests on purpose). */
    public void addFilter(Filter filter) {
        contexts.forEach(c -> c.getFilters().add(filter));
    }

    private interface Handler {
        JsonNode answer(JsonNode request);
    }

    private void handle(HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            if (!("Bearer " + key).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, error("invalid API key"));
                return;
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            try {
                send(exchange, 200, handler.answer(request));
            } catch (IllegalArgumentException e) {
                send(exchange, 404, error(e.getMessage()));
            } catch (dev.pedigree.error.BadInputException e) {
                send(exchange, 400, error(e.getMessage()));
            }
        }
    }

    /** An OpenAI-style error body. */
    public static JsonNode error(String message) {
        ObjectNode node = JSON.createObjectNode();
        node.putObject("error").put("message", message);
        return node;
    }

    /** Writes a JSON answer. */
    public static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private JsonNode completions(JsonNode request) {
        OnnxCausalLanguageModel model = causal.get(request.path("model").asText());
        if (model == null) {
            throw new IllegalArgumentException("no model " + request.path("model").asText());
        }
        int top = request.path("logprobs").asInt(1);
        int maxTokens = request.path("max_tokens").asInt(16);
        ObjectNode response = JSON.createObjectNode();
        ArrayNode choices = response.putArray("choices");
        JsonNode prompts = request.path("prompt");
        if (request.path("echo").asBoolean(false)) {
            List<int[]> sequences = new ArrayList<>();
            for (JsonNode p : prompts) {
                int[] ids = new int[p.size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = p.get(i).asInt();
                }
                sequences.add(ids);
            }
            List<TopTokens[]> dists = model.positionDistributions(sequences, top);
            for (int i = 0; i < sequences.size(); i++) {
                ObjectNode choice = choices.addObject();
                choice.put("index", i);
                choice.put("text", model.tokenizer().decode(sequences.get(i)));
                ObjectNode logprobs = choice.putObject("logprobs");
                ArrayNode tokens = logprobs.putArray("tokens");
                ArrayNode tops = logprobs.putArray("top_logprobs");
                for (int j = 0; j < sequences.get(i).length; j++) {
                    tokens.add("token_id:" + sequences.get(i)[j]);
                    if (j == 0) {
                        tops.addNull();
                    } else {
                        tops.add(topObject(dists.get(i)[j - 1]));
                    }
                }
            }
            return response;
        }
        List<String> texts = new ArrayList<>();
        prompts.forEach(p -> texts.add(p.asText()));
        List<Continuation> out = model.generate(texts, new Decoding(maxTokens, top));
        for (int i = 0; i < out.size(); i++) {
            ObjectNode choice = choices.addObject();
            choice.put("index", i);
            choice.put("text", out.get(i).text());
            choice.put("finish_reason", "length");
            ObjectNode logprobs = choice.putObject("logprobs");
            ArrayNode tokens = logprobs.putArray("tokens");
            ArrayNode chosen = logprobs.putArray("token_logprobs");
            ArrayNode tops = logprobs.putArray("top_logprobs");
            for (int j = 0; j < out.get(i).tokens().length; j++) {
                tokens.add("token_id:" + out.get(i).tokens()[j]);
                chosen.add(out.get(i).steps()[j].logprobs()[0]);
                tops.add(topObject(out.get(i).steps()[j]));
            }
        }
        return response;
    }

    private static ObjectNode topObject(TopTokens top) {
        ObjectNode node = JSON.createObjectNode();
        for (int k = 0; k < top.ids().length; k++) {
            node.put("token_id:" + top.ids()[k], top.logprobs()[k]);
        }
        return node;
    }

    private JsonNode embeddings(JsonNode request) {
        OnnxEncoder model = encoders.get(request.path("model").asText());
        if (model == null) {
            throw new IllegalArgumentException("no model " + request.path("model").asText());
        }
        List<String> texts = new ArrayList<>();
        request.path("input").forEach(t -> texts.add(t.asText()));
        float[][] vectors = model.embed(texts);
        ObjectNode response = JSON.createObjectNode();
        ArrayNode data = response.putArray("data");
        for (int i = 0; i < vectors.length; i++) {
            ObjectNode d = data.addObject();
            d.put("object", "embedding");
            d.put("index", i);
            ArrayNode v = d.putArray("embedding");
            for (float f : vectors[i]) {
                v.add(f);
            }
        }
        return response;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
