package dev.pedigree.report;

import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.RoleAssignment;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.digest.ModelDigest;
import dev.pedigree.model.open.Model;
import dev.pedigree.model.source.ModelSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code pedigree inspect} says about one model.
 *
 * @param model           the MODEL argument
 * @param source          how it was given ({@code directory}, {@code file}, {@code hf cache}, {@code maven jar})
 * @param weights         the weight file read
 * @param weightsChoice   why that file was chosen
 * @param format          {@code safetensors}, {@code gguf} or {@code onnx}
 * @param tokenizer       the tokenizer.json found beside the weights, or null
 * @param architecture    the declared architecture
 * @param parameters      elements over all logical tensors
 * @param dtypes          parameters per on-disk dtype, largest first
 * @param tensors         every logical tensor in file order
 * @param roles           where the tensors' roles came from: a naming table, or inferred from structure (with confidence and basis)
 * @param declaredLineage what the model declares about its origin
 * @param digest          hex SHA-256 digest of digests (OpenSSF model signing), or null when not computed
 * @param digestFiles     the per-file digests it was made from (empty when not computed)
 */
public record InspectReport(
        String model,
        String source,
        String weights,
        String weightsChoice,
        String format,
        String tokenizer,
        Architecture architecture,
        long parameters,
        List<DtypeShare> dtypes,
        List<Tensor> tensors,
        RoleAssignment roles,
        DeclaredLineageSummary declaredLineage,
        String digest,
        List<ModelDigest.FileDigest> digestFiles) {

    /** The architecture facts inspect prints; null where the model does not say. */
    public record Architecture(String source, String modelType, Integer hiddenSize, Integer numLayers, Integer numHeads,
            Integer numKvHeads, Integer vocabSize, Integer intermediateSize) {
    }

    /** How many parameters are stored in one dtype. */
    public record DtypeShare(String dtype, int tensors, long parameters) {
    }

    /** @param layer the block index, or null for tensors outside the blocks */
    public record Tensor(String name, String role, Integer layer, boolean bias, String dtype, long[] shape) {
    }

    /** Builds the report; {@code withDigest} hashes every file of the model (or reads the digest cache). */
    public static InspectReport of(Model model, boolean withDigest) {
        ModelSource src = model.source();
        ArchitectureSpec a = model.architecture();
        List<Tensor> tensors = new ArrayList<>();
        Map<String, long[]> byDtype = new LinkedHashMap<>();
        long parameters = 0;
        for (TensorInfo t : model.store().tensors()) {
            long n = t.elementCount();
            parameters += n;
            long[] share = byDtype.computeIfAbsent(t.dtype(), k -> new long[2]);
            share[0]++;
            share[1] += n;
            int layer = t.role().layer();
            tensors.add(new Tensor(t.name(), t.role().role().label(), layer >= 0 ? layer : null, t.role().bias(), t.dtype(), t.shape()));
        }
        List<DtypeShare> dtypes = new ArrayList<>();
        byDtype.forEach((dtype, s) -> dtypes.add(new DtypeShare(dtype, (int) s[0], s[1])));
        dtypes.sort(Comparator.comparingLong(DtypeShare::parameters).reversed().thenComparing(DtypeShare::dtype));
        ModelDigest digest = withDigest ? model.digest() : null;
        return new InspectReport(
                src.spec(),
                src.kind().label(),
                src.weights().toString(),
                src.weightsChoice(),
                src.format().label(),
                src.tokenizer() == null ? null : src.tokenizer().toString(),
                new Architecture(a.source(), a.modelType(), a.hiddenSize(), a.numLayers(), a.numHeads(), a.numKvHeads(),
                        a.vocabSize(), a.intermediateSize()),
                parameters,
                dtypes,
                tensors,
                model.store().roleAssignment(),
                DeclaredLineageSummary.of(model.declaredLineage()),
                digest == null ? null : digest.sha256(),
                digest == null ? List.of() : digest.files());
    }

    /** This model as the subject of a report, with its declared lineage and digest. */
    public Subject subject() {
        return new Subject(model, "model", format, digest, declaredLineage, model);
    }

    /** The {@code inspect} job's report: this model as its only subject, declared lineage as edges, no tests. */
    public Report toReport(long millis) {
        return Report.builder("inspect").subject(subject()).inspect(this).timing("inspect", millis).build();
    }
}
