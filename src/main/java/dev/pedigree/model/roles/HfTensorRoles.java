package dev.pedigree.model.roles;

import dev.pedigree.error.MessageText;
import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.ModelFormatException;
import dev.pedigree.model.Role;
import dev.pedigree.model.RoleAssignment;
import dev.pedigree.model.StoredTensor;
import dev.pedigree.model.TensorContainer;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.TensorRole;
import dev.pedigree.model.TensorView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Roles of tensors named the Hugging Face way (safetensors checkpoints), by exact names per
 * {@code model_type}: llama, mistral, qwen2, qwen3, gemma, gemma2, gemma3 (and gemma3_text), phi3,
 * gpt2, gpt_neox, bloom, falcon, bert, roberta and xlm-roberta. Views come out in HF orientation:
 * GPT-2's Conv1D weights transposed, fused projections split into their parts (suffix
 * {@code [q]}, {@code [k]}, {@code [v]}, {@code [gate]}, {@code [up]}).
 *
 * <p>An unknown or missing {@code model_type}, or a table that maps none of the tensors (renamed
 * ones), never borrows another family's table: names such as {@code post_attention_layernorm}
 * mean different things in different families (Llama's pre-MLP norm, Gemma 2's post-attention
 * norm), so a guessed role could pair the wrong matrices in a comparison without any sign of it.
 * Instead {@link StructuralTensorRoles} infers roles from the names' structure and the shapes and
 * says so, with its confidence, or leaves every tensor UNMAPPED with its reason. Names a known
 * family does not list (rotary buffers, attention masks, vision towers) are UNMAPPED too.
 * A fused projection whose row count disagrees with the config's head counts is a
 * {@link ModelFormatException}; one whose split the config cannot give is kept whole, UNMAPPED.
 */
public final class HfTensorRoles implements TensorRoles {
    /** The {@code model_type} values with a naming table. */
    public static Set<String> modelTypes() {
        return HfNamingSchemes.modelTypes();
    }

    @Override
    public List<TensorView> map(TensorContainer container, ArchitectureSpec architecture) {
        return assign(container, architecture).views();
    }

    @Override
    public RoleMap assign(TensorContainer container, ArchitectureSpec architecture) {
        Optional<HfNaming> naming = HfNamingSchemes.forModelType(architecture == null ? null : architecture.modelType());
        if (naming.isEmpty()) {
            return new StructuralTensorRoles().assign(container, architecture);
        }
        List<TensorView> views = byTable(container, architecture, naming.get());
        if (views.stream().allMatch(v -> v.info().role().equals(TensorRole.UNMAPPED))) {
            return new StructuralTensorRoles().assign(container, architecture,
                    "the naming table for model_type " + architecture.modelType() + " maps none of the tensors");
        }
        return new RoleMap(views, RoleAssignment.namingTable(architecture.modelType()));
    }

    private static List<TensorView> byTable(TensorContainer container, ArchitectureSpec architecture, HfNaming naming) {
        List<TensorView> views = new ArrayList<>();
        for (StoredTensor t : container.tensors()) {
            HfNaming.Match match = naming.match(t.name());
            if (match == null) {
                views.add(TensorView.whole(new TensorInfo(t.name(), TensorRole.UNMAPPED, t.dtype(), t.shape()), t, false));
            } else if (match.slot().fused() != null) {
                addSplit(container, architecture, t, match, views);
            } else {
                views.add(single(container, t, match));
            }
        }
        return views;
    }

    private static TensorView single(TensorContainer container, StoredTensor t, HfNaming.Match match) {
        long[] shape = t.shape();
        if (match.slot().transposed()) {
            requireMatrix(container, t);
            shape = new long[] {shape[1], shape[0]};
        }
        return TensorView.whole(new TensorInfo(t.name(), match.role(), t.dtype(), shape), t, match.slot().transposed());
    }

    private static void addSplit(TensorContainer container, ArchitectureSpec arch, StoredTensor t, HfNaming.Match match,
            List<TensorView> views) {
        HfNaming.Slot slot = match.slot();
        long[] stored = t.shape();
        if (slot.transposed()) {
            requireMatrix(container, t);
        }
        if (stored.length == 0 || (!slot.bias() && stored.length != 2) || (slot.bias() && stored.length != 1)) {
            throw new ModelFormatException(container.file(), "tensor " + MessageText.quoted(t.name()) + " has shape " + Arrays.toString(stored)
                    + ", not the " + (slot.bias() ? "vector" : "matrix") + " a fused projection needs");
        }
        // Rows in HF orientation: a transposed [in, out] weight has out = stored[1] rows.
        long rows = slot.transposed() ? stored[1] : stored[0];
        long[] rest = slot.transposed() ? new long[] {stored[0]} : Arrays.copyOfRange(stored, 1, stored.length);
        FusedLayout layout = slot.fused();
        long expected = layout.expectedRows(arch);
        if (expected >= 0 && expected != rows) {
            throw new ModelFormatException(container.file(), "tensor " + MessageText.quoted(t.name()) + " has " + rows + " rows but config.json's "
                    + arch.numHeads() + " heads, " + arch.numKvHeads() + " kv heads and head size " + arch.headDim()
                    + " make " + expected);
        }
        int[][] parts = rows > Integer.MAX_VALUE ? null : layout.split((int) rows, arch);
        if (parts == null) {
            views.add(TensorView.whole(new TensorInfo(t.name(), TensorRole.UNMAPPED, t.dtype(), stored), t, false));
            return;
        }
        for (int p = 0; p < parts.length; p++) {
            Role role = layout.parts().get(p);
            TensorRole r = TensorRole.layer(role, match.layer());
            long[] shape = new long[1 + rest.length];
            shape[0] = parts[p].length;
            System.arraycopy(rest, 0, shape, 1, rest.length);
            String name = t.name() + "[" + role.label().toLowerCase(Locale.ROOT) + "]";
            views.add(new TensorView(new TensorInfo(name, slot.bias() ? r.asBias() : r, t.dtype(), shape), t, slot.transposed(), parts[p]));
        }
    }

    private static void requireMatrix(TensorContainer container, StoredTensor t) {
        if (t.shape().length != 2) {
            throw new ModelFormatException(container.file(), "tensor " + MessageText.quoted(t.name()) + " has shape " + Arrays.toString(t.shape())
                    + "; a Conv1D weight is a matrix [in, out]");
        }
    }
}
