package dev.pedigree.blackbox;

import dev.pedigree.blackbox.http.HttpCausalLanguageModel;
import dev.pedigree.blackbox.http.HttpTextEmbedder;
import dev.pedigree.blackbox.http.ServerOptions;
import dev.pedigree.blackbox.onnx.OnnxModelFiles;
import dev.pedigree.blackbox.onnx.OnnxModels;
import dev.pedigree.blackbox.onnx.Pooling;
import dev.pedigree.error.BadInputException;
import dev.pedigree.model.source.ModelLocator;
import dev.pedigree.model.source.ModelSource;
import dev.pedigree.model.source.SourceEnvironment;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;

/**
 * Opens a model for black-box queries from what a user names: an OpenAI-compatible server
 * ({@code http(s)://HOST/v1#MODEL-ID}, opened as the kind the distance needs), or a local model with an
 * ONNX export, named as every command names models ({@link ModelLocator}: a path, {@code hf:ORG/NAME},
 * {@code maven:GROUP:ARTIFACT:VERSION}) and found in its folder as {@link OnnxModelFiles} says.
 */
public final class QueryableModels {
    private QueryableModels() {
    }

    /**
     * @param apiKey the server key, or null for {@code PEDIGREE_API_KEY} / {@code OPENAI_API_KEY}
     * @param serverTokenizer a server model's tokenizer.json (token-id comparisons), or null
     * @param serverVocabulary a server model's vocabulary size, or 0 when unknown
     * @param pooling for local encoders; null picks it by model name
     */
    public record Options(String apiKey, Path serverTokenizer, int serverVocabulary, Pooling pooling, int batchSize) {
        public static final Options DEFAULT = new Options(null, null, 0, null, 16);

        public Options {
            if (batchSize < 1 || serverVocabulary < 0) {
                throw new BadInputException("batch size must be at least 1 and vocabulary size not negative, not "
                        + batchSize + " and " + serverVocabulary);
            }
        }
    }

    /** @param err where fetching a jar is reported (stderr) */
    public static QueryableModel open(String spec, ModelKind kind, Options options, PrintWriter err) {
        if (isServer(spec)) {
            URI uri = URI.create(spec);
            String model = uri.getFragment();
            if (model == null || model.isBlank()) {
                throw new BadInputException(spec + ": name the server's model after '#' (http://HOST/v1#MODEL-ID)");
            }
            URI base = URI.create(spec.substring(0, spec.indexOf('#')));
            ServerOptions server = ServerOptions.of(base, model, options.apiKey()).withBatchSize(options.batchSize());
            return kind == ModelKind.CAUSAL
                    ? new HttpCausalLanguageModel(server, options.serverTokenizer(), options.serverVocabulary())
                    : new HttpTextEmbedder(server);
        }
        return OnnxModels.open(localFiles(spec, err), options.pooling(), options.batchSize());
    }

    /**
     * What {@link #open} would open a local model as, read off its ONNX graph without a runtime session.
     *
     * @throws BadInputException for a server (its kind is not in any file) or a model without an ONNX export
     */
    public static ModelKind localKind(String spec, PrintWriter err) {
        if (isServer(spec)) {
            throw new BadInputException(spec + ": a server's kind cannot be read off its files");
        }
        return OnnxModels.kindOf(localFiles(spec, err));
    }

    /** Whether the spec names an OpenAI-compatible server rather than local files. */
    public static boolean isServer(String spec) {
        return spec.startsWith("http://") || spec.startsWith("https://");
    }

    private static OnnxModelFiles localFiles(String spec, PrintWriter err) {
        ModelSource source = new ModelLocator(SourceEnvironment.system(), err).resolve(spec);
        // a folder's chosen weight file may be safetensors beside an onnx/ export: look in the folder then
        Path where = source.weights().getFileName().toString().endsWith(".onnx") ? source.weights() : source.directory();
        return OnnxModelFiles.locate(where);
    }
}
