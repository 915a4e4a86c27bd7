package dev.pedigree.blackbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pedigree.error.BadInputException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JSON POSTs to an OpenAI-compatible server with a per-request timeout, a rate limit (requests are
 * spaced at least 1/rate apart), and retries with exponential back-off (0.5 s, 1 s, 2 s, … or the
 * server's {@code Retry-After}) on connection failures, timeouts, 429 and 5xx. Other 4xx answers are
 * the caller's mistake and are not retried.
 */
public final class OpenAiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long FIRST_BACKOFF_MILLIS = 500;
    private final ServerOptions options;
    private final HttpClient http;
    private final AtomicInteger attempts = new AtomicInteger();
    private long nextSlotNanos;

    public OpenAiClient(ServerOptions options) {
        this.options = options;
        this.http = HttpClient.newBuilder().connectTimeout(options.timeout()).build();
    }

    /** Requests sent so far, retries included. */
    public int attempts() {
        return attempts.get();
    }

    public JsonNode post(String path, JsonNode body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a request body", e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(options.resolve(path))
                .timeout(options.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (options.apiKey() != null) {
            request.header("Authorization", "Bearer " + options.apiKey());
        }
        String lastProblem = null;
        for (int attempt = 0; attempt <= options.maxRetries(); attempt++) {
            long waitMillis = FIRST_BACKOFF_MILLIS << Math.min(attempt, 10);
            awaitSlot();
            attempts.incrementAndGet();
            try {
                HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return JSON.readTree(response.body());
                }
                lastProblem = "HTTP " + status + ": " + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
                if (status != 429 && status / 100 != 5) {
                    throw new BadInputException(options.resolve(path) + " refused the request: " + lastProblem);
                }
                waitMillis = response.headers().firstValue("Retry-After").map(OpenAiClient::seconds)
                        .map(s -> s * 1000).orElse(waitMillis);
            } catch (IOException e) {
                lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + options.baseUrl(), e);
            }
            if (attempt < options.maxRetries()) {
                sleep(waitMillis);
            }
        }
        throw new IllegalStateException(options.resolve(path) + ": no answer after " + (options.maxRetries() + 1)
                + " attempts (last: " + lastProblem + ")");
    }

    private static Long seconds(String retryAfter) {
        try {
            return Math.max(0, Math.min(300, Long.parseLong(retryAfter.trim())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private synchronized void awaitSlot() {
        long now = System.nanoTime();
        if (nextSlotNanos > now) {
            sleep((nextSlotNanos - now) / 1_000_000 + 1);
            now = System.nanoTime();
        }
        nextSlotNanos = now + (long) (1e9 / options.requestsPerSecond());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during back-off", e);
        }
    }
}
