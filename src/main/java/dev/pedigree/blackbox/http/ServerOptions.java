package dev.pedigree.blackbox.http;

import dev.pedigree.error.BadInputException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * How to reach an OpenAI-compatible server: base URL (ending in {@code /v1}), model id, API key (from
 * the option, else {@code PEDIGREE_API_KEY}, else {@code OPENAI_API_KEY}; none for local servers),
 * per-request timeout, retries of failed requests, the most requests per second to send, and prompts
 * per request.
 */
public record ServerOptions(URI baseUrl, String model, String apiKey, Duration timeout, int maxRetries,
        double requestsPerSecond, int batchSize) {
    public ServerOptions {
        if (baseUrl == null || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
            throw new BadInputException("server URL must be http(s)://…/v1, not " + baseUrl);
        }
        if (model == null || model.isBlank()) {
            throw new BadInputException(baseUrl + ": a model id is needed");
        }
        if (maxRetries < 0 || requestsPerSecond <= 0 || batchSize < 1 || timeout.isNegative() || timeout.isZero()) {
            throw new BadInputException(baseUrl + ": retries ≥ 0, requests per second > 0, batch ≥ 1 and a positive"
                    + " timeout are needed");
        }
    }

    /** Defaults: key from the environment, 60 s timeout, 4 retries, 10 requests per second, 16 prompts each. */
    public static ServerOptions of(URI baseUrl, String model, String apiKey) {
        return new ServerOptions(baseUrl, model, apiKey != null ? apiKey : keyFromEnvironment(System.getenv()),
                Duration.ofSeconds(60), 4, 10, 16);
    }

    static String keyFromEnvironment(Map<String, String> env) {
        for (String name : new String[] {"PEDIGREE_API_KEY", "OPENAI_API_KEY"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    public ServerOptions withBatchSize(int size) {
        return new ServerOptions(baseUrl, model, apiKey, timeout, maxRetries, requestsPerSecond, size);
    }

    public ServerOptions withRetries(int retries, double perSecond) {
        return new ServerOptions(baseUrl, model, apiKey, timeout, retries, perSecond, batchSize);
    }

    /** {@code base + "/" + path}, whether or not the base ends in a slash. */
    URI resolve(String path) {
        String base = baseUrl.toString();
        return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
    }
}
