package dev.pedigree.report;

import dev.pedigree.model.Role;
import dev.pedigree.model.lineage.LineageClaim;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** An {@link InspectReport} as a plain-text table: a summary, then the tensors grouped by layer and role. */
public final class InspectTableRenderer {
    private InspectTableRenderer() {
    }

    public static String render(InspectReport r) {
        StringBuilder out = new StringBuilder();
        row(out, "model", r.model());
        row(out, "source", r.source() + ": " + r.weights());
        row(out, "weights chosen", r.weightsChoice());
        row(out, "format", r.format());
        row(out, "tokenizer", r.tokenizer() == null ? "none found" : r.tokenizer());
        InspectReport.Architecture a = r.architecture();
        row(out, "architecture", (a.modelType() == null ? "" : a.modelType() + " ") + "(from " + a.source() + ")");
        row(out, "  hidden size", text(a.hiddenSize()));
        row(out, "  layers", text(a.numLayers()));
        row(out, "  heads / kv heads", text(a.numHeads()) + " / " + text(a.numKvHeads()));
        row(out, "  vocab", text(a.vocabSize()));
        row(out, "  intermediate", text(a.intermediateSize()));
        row(out, "parameters", String.format(Locale.ROOT, "%,d", r.parameters()));
        for (InspectReport.DtypeShare d : r.dtypes()) {
            double pct = r.parameters() == 0 ? 0 : 100.0 * d.parameters() / r.parameters();
            row(out, "  dtype " + d.dtype(), String.format(Locale.ROOT, "%,d in %d tensors (%.1f%%)", d.parameters(), d.tensors(), pct));
        }
        DeclaredLineageSummary l = r.declaredLineage();
        if (l.claims().isEmpty()) {
            row(out, "declared lineage", "none declared");
        } else {
            row(out, "declared lineage", "base " + (l.baseModels().isEmpty() ? "-" : String.join(", ", l.baseModels()))
                    + "; relation " + (l.relation() == null ? "-" : l.relation()));
            for (LineageClaim c : l.claims()) {
                row(out, "  claim", c.key() + " = " + c.value() + "  [" + c.origin() + "]");
            }
        }
        row(out, "digest", r.digest() == null ? "not computed" : "sha256:" + r.digest() + " (" + r.digestFiles().size() + " files)");
        row(out, "roles", r.roles().summary());
        for (String b : r.roles().basis()) {
            row(out, "", b);
        }
        out.append('\n').append("tensors by layer and role\n");
        List<InspectReport.Tensor> sorted = new ArrayList<>(r.tensors());
        sorted.sort(Comparator.comparing((InspectReport.Tensor t) -> t.layer() == null ? -1 : t.layer())
                .thenComparing(t -> Role.valueOf(t.role().toUpperCase(Locale.ROOT)).ordinal())
                .thenComparing(InspectReport.Tensor::bias));
        for (InspectReport.Tensor t : sorted) {
            out.append(String.format(Locale.ROOT, "  %-8s %-26s %-16s %-18s %s%n",
                    t.layer() == null ? "global" : "layer " + t.layer(), t.role() + (t.bias() ? " bias" : ""), t.dtype(),
                    Arrays.toString(t.shape()), t.name()));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "%-24s %s%n", label, value));
    }

    private static String text(Integer v) {
        return v == null ? "-" : v.toString();
    }
}
