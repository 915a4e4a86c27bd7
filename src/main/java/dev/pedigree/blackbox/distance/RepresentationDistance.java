package dev.pedigree.blackbox.distance;

import dev.pedigree.blackbox.ModelFilesDigest;
import dev.pedigree.blackbox.ModelQueries;
import dev.pedigree.blackbox.QueryableModel;
import dev.pedigree.blackbox.TextEmbedder;
import dev.pedigree.blackbox.prompts.PromptSetGenerator;
import java.util.List;

/**
 * Relative representations (encoders of any width): for model h, {@code r_h(x)} is the vector of
 * cosines between h(x) and h(a_1) … h(a_k) over a fixed anchor set; the distance on prompt x is
 * {@code 1 − Pearson(r_f(x), r_g(x))}. Widths never meet: each model is compared with itself first.
 */
public final class RepresentationDistance implements PromptDistance {
    /** The default anchors: 64 English sentence openings drawn with their own seed, apart from any shipped set. */
    public static final List<String> DEFAULT_ANCHORS = PromptSetGenerator.generate("sentences-en", 64, 7_700_417L);
    private final List<String> anchors;
    private final String anchorsKey;

    public RepresentationDistance(List<String> anchors) {
        if (anchors.size() < 3) {
            throw new IllegalArgumentException("a relative representation needs at least 3 anchors, not " + anchors.size());
        }
        this.anchors = List.copyOf(anchors);
        this.anchorsKey = "anchors=" + ModelFilesDigest.ofText(String.join("\n", anchors));
    }

    public static RepresentationDistance withDefaultAnchors() {
        return new RepresentationDistance(DEFAULT_ANCHORS);
    }

    @Override
    public String name() {
        return "representation";
    }

    @Override
    public dev.pedigree.blackbox.ModelKind modelKind() {
        return dev.pedigree.blackbox.ModelKind.ENCODER;
    }

    @Override
    public Prepared prepare(QueryableModel target, ModelQueries queries) {
        double[][] reference = relative(ModelKinds.embedder(target, name()), queries);
        return candidate -> {
            double[][] other = relative(ModelKinds.embedder(candidate, name()), queries);
            double[] row = new double[reference.length];
            for (int t = 0; t < row.length; t++) {
                row[t] = 1 - Vectors.pearson(reference[t], other[t]);
            }
            return row;
        };
    }

    private double[][] relative(TextEmbedder model, ModelQueries queries) {
        List<float[]> anchorVectors = queries.embeddings(model, anchorsKey, anchors);
        List<float[]> promptVectors = queries.embeddings(model);
        double[][] out = new double[promptVectors.size()][anchors.size()];
        for (int t = 0; t < out.length; t++) {
            for (int a = 0; a < anchors.size(); a++) {
                out[t][a] = Vectors.cosine(promptVectors.get(t), anchorVectors.get(a));
            }
        }
        return out;
    }
}
