package dev.pedigree.blackbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pedigree.blackbox.TextEmbedder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An encoder behind an OpenAI-compatible {@code /v1/embeddings} endpoint (float vectors, batched
 * {@code input} lists). The digest is the URL and model id, as for {@link HttpCausalLanguageModel}.
 */
public final class HttpTextEmbedder implements TextEmbedder {
    private final ServerOptions options;
    private final OpenAiClient client;

    public HttpTextEmbedder(ServerOptions options) {
        this.options = options;
        this.client = new OpenAiClient(options);
    }

    public OpenAiClient client() {
        return client;
    }

    @Override
    public String name() {
        return options.model();
    }

    @Override
    public String digest() {
        return "http:" + options.baseUrl() + "#" + options.model();
    }

    @Override
    public float[][] embed(List<String> texts) {
        float[][] out = new float[texts.size()][];
        for (int from = 0; from < texts.size(); from += options.batchSize()) {
            int to = Math.min(texts.size(), from + options.batchSize());
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("model", options.model());
            body.put("encoding_format", "float");
            ArrayNode input = body.putArray("input");
            texts.subList(from, to).forEach(input::add);
            List<JsonNode> data = new ArrayList<>();
            client.post("embeddings", body).path("data").forEach(data::add);
            if (data.size() != to - from) {
                throw new IllegalStateException(name() + ": server answered " + data.size() + " embeddings for "
                        + (to - from) + " texts");
            }
            data.sort(Comparator.comparingInt(d -> d.path("index").asInt()));
            for (int i = 0; i < data.size(); i++) {
                JsonNode vector = data.get(i).path("embedding");
                float[] v = new float[vector.size()];
                for (int j = 0; j < v.length; j++) {
                    v[j] = (float) vector.get(j).asDouble();
                }
                out[from + i] = v;
            }
        }
        return out;
    }

    @Override
    public void close() {
        // the HTTP client holds no resource that outlives its requests
    }
}
