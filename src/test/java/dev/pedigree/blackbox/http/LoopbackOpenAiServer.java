package dev.pedigree.blackbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible server on 127.0.0.1 (a free port) that answers from real in-process ONNX models:
 * {@code /v1/completions} (string prompts → greedy continuation with top log-probabilities; id-list
 * prompts with {@code echo} → log-probabilities of every prompt token) and {@code /v1/embeddings}. It
 * checks the bearer key and can be told to fail the next requests.
 */
final class LoopbackOpenAiServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Map<String, OnnxCausalLanguageModel> causal;
    private final Map<String, OnnxEncoder> encoders;
    private final String key;
    private final AtomicInteger failures = new AtomicInteger();
    private volatile int failStatus;
    private volatile String retryAfter;
    final AtomicInteger requests = new AtomicInteger();

    LoopbackOpenAiServer(Map<String, OnnxCausalLanguageModel> causal, Map<String, OnnxEncoder> encoders, String key)
            throws IOException {
        this.causal = causal;
        this.encoders = encoders;
        this.key = key;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/completions", exchange -> handle(exchange, this::completions));
        server.createContext("/v1/embeddings", exchange -> handle(exchange, this::embeddings));
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /** The next {@code count} requests are answered with {@code status} (and Retry-After when not null). */
    void failNext(int count, int status, String retryAfterSeconds) {
        failStatus = status;
        retryAfter = retryAfterSeconds;
        failures.set(count);
    }

    private interface Handler {
        JsonNode answer(JsonNode request);
    }

    private void handle(HttpExchange exchange, Handler handler) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                if (retryAfter != null) {
                    exchange.getResponseHeaders().add("Retry-After", retryAfter);
                }
                send(exchange, failStatus, error("injected failure"));
                return;
            }
            if (!("Bearer " + key).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, error("invalid API key"));
                return;
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            try {
                send(exchange, 200, handler.answer(request));
            } catch (IllegalArgumentException e) {
                send(exchange, 404, error(e.getMessage()));
            }
        }
    }

    private static JsonNode error(String message) {
        ObjectNode node = JSON.createObjectNode();
        node.putObject("error").put("message", message);
        return node;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
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
