package dev.pedigree.blackbox.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/** Answers the next requests with an error status (and Retry-After) instead of passing them on. */
final class FaultInjection extends Filter {
    private final AtomicInteger failures = new AtomicInteger();
    private volatile int status;
    private volatile String retryAfter;

    void failNext(int count, int withStatus, String retryAfterSeconds) {
        status = withStatus;
        retryAfter = retryAfterSeconds;
        failures.set(count);
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            try (exchange) {
                if (retryAfter != null) {
                    exchange.getResponseHeaders().add("Retry-After", retryAfter);
                }
                OpenAiCompatibleServer.send(exchange, status, OpenAiCompatibleServer.error("injected failure"));
            }
            return;
        }
        chain.doFilter(exchange);
    }

    @Override
    public String description() {
        return "fails the next requests on purpose";
    }
}
