package dev.pedigree.blackbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pedigree.blackbox.CausalLanguageModel;
import dev.pedigree.blackbox.Continuation;
import dev.pedigree.blackbox.Decoding;
import dev.pedigree.blackbox.ModelFilesDigest;
import dev.pedigree.blackbox.TopTokens;
import dev.pedigree.blackbox.onnx.Tokenizer;
import dev.pedigree.error.BadInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A causal LM behind an OpenAI-compatible {@code /v1/completions} endpoint. Greedy continuations ask
 * for {@code temperature 0}, K tokens ({@code ignore_eos}, so every answer has K), and the top
 * log-probabilities with token ids ({@code return_tokens_as_token_ids}, as vLLM and our test server
 * do). Servers that answer with token strings give text only: the token and semantic distances work
 * (on text), the distribution distance does not.
 *
 * <p>Scoring another model's continuation sends token ids ({@code prompt} as id lists, {@code echo})
 * and needs the model's {@code tokenizer.json} locally; so does comparing token ids with a local model.
 * Full logits are not served: the centred-logits distance needs an in-process model.
 *
 * <p>The digest is the URL and model id (plus the tokenizer's digest): a server can change the model
 * behind a name, and the cache cannot see that; clear it when the server's model changes.
 */
public final class HttpCausalLanguageModel implements CausalLanguageModel {
    private static final String TOKEN_ID = "token_id:";
    private final ServerOptions options;
    private final OpenAiClient client;
    private final Tokenizer tokenizer;
    private final String tokenizerDigest;
    private final int vocabularySize;

    /**
     * @param tokenizerJson the model's tokenizer file, or null when it is not at hand
     * @param vocabularySize the width of the model's output layer, or 0 when unknown (the distribution
     *     distance then compares the mass outside the listed tokens as one bucket, a lower bound)
     */
    public HttpCausalLanguageModel(ServerOptions options, Path tokenizerJson, int vocabularySize) {
        if (vocabularySize < 0) {
            throw new BadInputException("vocabulary size cannot be negative: " + vocabularySize);
        }
        this.options = options;
        this.vocabularySize = vocabularySize;
        this.client = new OpenAiClient(options);
        this.tokenizer = tokenizerJson == null ? null : Tokenizer.open(tokenizerJson);
        this.tokenizerDigest = tokenizerJson == null ? null : ModelFilesDigest.of(tokenizerJson);
    }

    @Override
    public String name() {
        return options.model();
    }

    @Override
    public String digest() {
        return "http:" + options.baseUrl() + "#" + options.model() + (tokenizerDigest == null ? "" : ";tok=" + tokenizerDigest);
    }

    @Override
    public Optional<String> tokenizerDigest() {
        return Optional.ofNullable(tokenizerDigest);
    }

    @Override
    public List<Continuation> generate(List<String> prompts, Decoding decoding) {
        List<Continuation> out = new ArrayList<>(prompts.size());
        for (int from = 0; from < prompts.size(); from += options.batchSize()) {
            List<String> batch = prompts.subList(from, Math.min(prompts.size(), from + options.batchSize()));
            ObjectNode body = request(decoding.topTokens());
            ArrayNode prompt = body.putArray("prompt");
            batch.forEach(prompt::add);
            body.put("max_tokens", decoding.newTokens());
            body.put("ignore_eos", true);
            for (JsonNode choice : choices(client.post("completions", body), batch.size())) {
                JsonNode logprobs = choice.path("logprobs");
                int[] tokens = ids(logprobs.path("tokens"));
                TopTokens[] steps = tokens.length == 0 ? new TopTokens[0] : steps(logprobs.path("top_logprobs"), 0);
                out.add(new Continuation(tokens, choice.path("text").asText(), steps));
            }
        }
        return out;
    }

    @Override
    public List<TopTokens[]> score(List<String> prompts, List<int[]> forced, Decoding decoding) {
        if (tokenizer == null) {
            throw new BadInputException(name() + ": scoring another model's tokens needs this model's tokenizer.json");
        }
        List<TopTokens[]> out = new ArrayList<>(prompts.size());
        for (int from = 0; from < prompts.size(); from += options.batchSize()) {
            int to = Math.min(prompts.size(), from + options.batchSize());
            ObjectNode body = request(decoding.topTokens());
            ArrayNode prompt = body.putArray("prompt");
            int[] prefixLengths = new int[to - from];
            for (int i = from; i < to; i++) {
                int[] prefix = tokenizer.ids(prompts.get(i));
                prefixLengths[i - from] = prefix.length;
                ArrayNode ids = prompt.addArray();
                for (int id : prefix) {
                    ids.add(id);
                }
                for (int id : forced.get(i)) {
                    ids.add(id);
                }
            }
            body.put("max_tokens", 1);
            body.put("echo", true);
            List<JsonNode> choices = choices(client.post("completions", body), to - from);
            for (int i = from; i < to; i++) {
                JsonNode top = choices.get(i - from).path("logprobs").path("top_logprobs");
                // echoed entry j is the distribution of token j; the forced tokens start after the prefix
                TopTokens[] all = steps(top, prefixLengths[i - from]);
                out.add(java.util.Arrays.copyOf(all, forced.get(i).length));
            }
        }
        return out;
    }

    @Override
    public float[][] nextTokenLogits(List<String> prompts) {
        throw new UnsupportedOperationException(name() + ": a server reports only its top log-probabilities, not"
                + " full logits; centred-logits needs the model in process");
    }

    private ObjectNode request(int topTokens) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("model", options.model());
        body.put("temperature", 0);
        body.put("logprobs", topTokens);
        body.put("return_tokens_as_token_ids", true);
        return body;
    }

    private List<JsonNode> choices(JsonNode response, int expected) {
        List<JsonNode> choices = new ArrayList<>();
        response.path("choices").forEach(choices::add);
        if (choices.size() != expected) {
            throw new IllegalStateException(name() + ": server answered " + choices.size() + " choices for "
                    + expected + " prompts");
        }
        choices.sort(Comparator.comparingInt(c -> c.path("index").asInt()));
        return choices;
    }

    /** Token ids from "token_id:N" strings; empty when the server sent token text instead. */
    private static int[] ids(JsonNode tokens) {
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
            String token = tokens.get(i).asText();
            if (!token.startsWith(TOKEN_ID)) {
                return new int[0];
            }
            ids[i] = Integer.parseInt(token.substring(TOKEN_ID.length()));
        }
        return ids;
    }

    /** Entries {@code from…} of a top_logprobs list, each sorted as in-process heads are (likeliest, then lowest id). */
    private TopTokens[] steps(JsonNode topLogprobs, int from) {
        TopTokens[] steps = new TopTokens[Math.max(0, topLogprobs.size() - from)];
        for (int s = 0; s < steps.length; s++) {
            JsonNode entry = topLogprobs.get(from + s);
            List<int[]> ids = new ArrayList<>();
            List<Float> values = new ArrayList<>();
            List<Integer> order = new ArrayList<>();
            var fields = entry.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                if (!field.getKey().startsWith(TOKEN_ID)) {
                    throw new BadInputException(name() + ": the server does not return token ids"
                            + " (return_tokens_as_token_ids); the distribution distance needs them");
                }
                ids.add(new int[] {Integer.parseInt(field.getKey().substring(TOKEN_ID.length()))});
                values.add((float) field.getValue().asDouble());
                order.add(order.size());
            }
            order.sort((a, b) -> values.get(a).equals(values.get(b)) ? Integer.compare(ids.get(a)[0], ids.get(b)[0])
                    : Float.compare(values.get(b), values.get(a)));
            int[] sortedIds = new int[order.size()];
            float[] sortedValues = new float[order.size()];
            for (int i = 0; i < sortedIds.length; i++) {
                sortedIds[i] = ids.get(order.get(i))[0];
                sortedValues[i] = values.get(order.get(i));
            }
            steps[s] = new TopTokens(sortedIds, sortedValues, vocabularySize);
        }
        return steps;
    }

    @Override
    public void close() {
        if (tokenizer != null) {
            tokenizer.close();
        }
    }
}
