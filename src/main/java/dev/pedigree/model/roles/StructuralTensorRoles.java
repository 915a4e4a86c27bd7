package dev.pedigree.model.roles;

import dev.pedigree.error.MessageText;
import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.Role;
import dev.pedigree.model.RoleAssignment;
import dev.pedigree.model.StoredTensor;
import dev.pedigree.model.TensorContainer;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.TensorRole;
import dev.pedigree.model.TensorView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Roles inferred from the structure of the names and the shapes alone, for checkpoints no naming
 * table covers (renamed tensors, an unknown {@code model_type}). Never a list of known names:
 * <ol>
 *   <li>the repeated block: the numbered path whose numbers run 0..L-1 with the same names in every
 *       layer ({@link RepeatedBlock});
 *   <li>the hidden size H: the one side every matrix of a block has (checked against config.json);
 *   <li>outside the blocks, the embedding: the {@code [vocab_size, H]} matrix (a second one is the
 *       untied head); position and token-type tables by their declared sizes; norms of length H;
 *   <li>inside each layer, roles by shape against H ({@link BlockLayout}); where shapes fit several
 *       roles (q and o, k and v, gate and up), common words in the names ({@link RoleNameHints}),
 *       then the order of the tensors in the file when the file kept the model's order, decide;
 *       otherwise the roles stay tentative and are reported as ambiguous, for a comparison to tell
 *       apart against the other model ({@link AmbiguousRoleResolution}, which also checks the
 *       groups names or order decided, since names can be swapped on purpose).
 * </ol>
 * Every layer must come out the same. When any step fails the inference is refused, every tensor
 * stays unmapped, and the reason is reported.
 *
 * <p>The file order is trusted only when each layer's tensors are contiguous, come in the same
 * order in every layer, and that order is not the names' sorted order within each dtype (how
 * safetensors writers lay out data, which says nothing about the model).
 */
public final class StructuralTensorRoles implements TensorRoles {
    @Override
    public List<TensorView> map(TensorContainer container, ArchitectureSpec architecture) {
        return assign(container, architecture).views();
    }

    @Override
    public RoleMap assign(TensorContainer container, ArchitectureSpec architecture) {
        String modelType = architecture == null ? null : architecture.modelType();
        return assign(container, architecture, modelType == null ? "no model_type declared" : "no naming table for model_type " + modelType);
    }

    /** @param noTable why no naming table gave the roles, as reports say it */
    RoleMap assign(TensorContainer container, ArchitectureSpec architecture, String noTable) {
        String modelType = architecture == null ? null : architecture.modelType();
        try {
            return new Inference(container.tensors(), architecture).run(modelType, noTable);
        } catch (InferenceRefused e) {
            List<TensorView> views = container.tensors().stream()
                    .map(t -> TensorView.whole(new TensorInfo(t.name(), TensorRole.UNMAPPED, t.dtype(), t.shape()), t, false)).toList();
            return new RoleMap(views, new RoleAssignment(RoleAssignment.Method.NONE, modelType, noTable, null, List.of(), List.of(),
                    "roles not inferred from structure: " + e.getMessage()));
        }
    }

    /** One inference over one container's tensors. */
    private static final class Inference {
        private final List<StoredTensor> tensors;
        private final ArchitectureSpec arch;
        private final List<String> basis = new ArrayList<>();
        private final Map<String, TensorRole> roles = new HashMap<>();
        private final List<RoleAssignment.Ambiguity> ambiguous = new ArrayList<>();
        /** Tensors neither matrices nor vectors, left unmapped. */
        private final List<String> skipped = new ArrayList<>();
        /** Views of fused gate/up tensors split in halves, by stored name. */
        private final Map<String, List<TensorView>> halves = new HashMap<>();
        /** Whether some matrix role rests on a default or on the file order (medium confidence at best), or is tentative (low). */
        private boolean defaulted;
        private boolean ordered;
        private boolean tentative;

        Inference(List<StoredTensor> tensors, ArchitectureSpec arch) {
            this.tensors = tensors;
            this.arch = arch;
        }

        RoleMap run(String modelType, String noTable) {
            List<String> names = tensors.stream().map(StoredTensor::name).toList();
            RepeatedBlock block = RepeatedBlock.find(names);
            List<List<Integer>> layerIndices = new ArrayList<>();
            for (int l = 0; l < block.layers(); l++) {
                layerIndices.add(new ArrayList<>());
            }
            List<Integer> outside = new ArrayList<>();
            for (int i = 0; i < tensors.size(); i++) {
                RepeatedBlock.Position p = block.position(names.get(i));
                if (p == null) {
                    outside.add(i);
                } else {
                    layerIndices.get(p.layer()).add(i);
                }
            }
            List<List<TensorModule>> layers = new ArrayList<>();
            for (List<Integer> idx : layerIndices) {
                layers.add(modules(idx, i -> block.position(names.get(i)).suffix()));
            }
            basis.add("repeated block " + block.path() + "N with N = 0.." + (block.layers() - 1) + ", " + block.suffixes().size()
                    + " tensors per layer" + (arch != null && arch.numLayers() != null && arch.numLayers() != block.layers()
                            ? " (config.json declares " + arch.numLayers() + " layers)" : ""));
            long hidden = hiddenSize(layers.getFirst());
            boolean orderTrusted = orderTrusted(layerIndices,
                    layerIndices.stream().map(idx -> idx.stream().map(i -> block.position(names.get(i)).suffix()).toList()).toList());
            basis.add(orderTrusted ? "the file keeps each layer's tensors in one unsorted order: used to tell roles apart"
                    : "the file order is sorted by name or split across shards: not used to tell roles apart");
            int firstBlock = layerIndices.stream().flatMap(List::stream).mapToInt(Integer::intValue).min().orElse(0);
            int lastBlock = layerIndices.stream().flatMap(List::stream).mapToInt(Integer::intValue).max().orElse(0);
            List<RoleGroup> globals = globals(modules(outside, names::get), hidden, orderTrusted, firstBlock, lastBlock);
            boolean postNorm = globals.stream().anyMatch(g -> g.roles().contains(Role.EMBEDDING_NORM))
                    && globals.stream().noneMatch(g -> g.roles().contains(Role.FINAL_NORM));
            for (RoleGroup g : globals) {
                record(g, -1, false);
            }
            List<BlockLayout.Result> results = new ArrayList<>();
            Map<String, Role> first = null;
            for (int l = 0; l < layers.size(); l++) {
                BlockLayout.Result r = BlockLayout.classify(l, layers.get(l), hidden, arch, orderTrusted);
                Map<String, Role> byPath = new LinkedHashMap<>();
                if (r.gateUpHalves() != null) {
                    // Marks the fused module in the per-layer comparison; its views get gate and up below.
                    byPath.put(r.gateUpHalves().path(), Role.OTHER);
                    splitHalves(r.gateUpHalves(), l);
                }
                r.groups().forEach(g -> {
                    for (int i = 0; i < g.modules().size(); i++) {
                        byPath.put(g.modules().get(i).path(), g.roles().get(i));
                    }
                });
                if (first == null) {
                    first = byPath;
                } else if (!first.equals(byPath)) {
                    throw new InferenceRefused("layer " + l + "'s shapes give other roles than layer 0's");
                }
                results.add(r);
                for (RoleGroup g : r.groups()) {
                    record(g, l, postNorm);
                }
            }
            BlockLayout.Result layer0 = results.getFirst();
            for (RoleGroup g : layer0.groups()) {
                basis.add("every layer, " + g.describe());
                if (g.how() == RoleGroup.How.AMBIGUOUS) {
                    List<List<String>> perRole = g.open().stream().map(m -> acrossLayers(layers, m.path(), "")).toList();
                    ambiguous.add(new RoleAssignment.Ambiguity(g.openRoles().stream().map(r -> postNorm ? post(r) : r).toList(), perRole, g.what(),
                            false));
                } else if (g.modules().size() > 1) {
                    List<List<String>> perRole = g.modules().stream().map(m -> acrossLayers(layers, m.path(), "")).toList();
                    ambiguous.add(new RoleAssignment.Ambiguity(g.roles().stream().map(r -> postNorm ? post(r) : r).toList(), perRole, g.what(),
                            true));
                }
            }
            if (layer0.gateUpHalves() != null) {
                TensorModule fused = layer0.gateUpHalves();
                basis.add("every layer, MLP gate/up: fused " + fused.path() + " " + fused.shapeText() + " split in halves, tentatively gate then up "
                        + "(the order torch.chunk gives them in Phi-3 and GLM)");
                List<Role> parts = FusedLayout.GATE_UP_HALVES.parts();
                ambiguous.add(new RoleAssignment.Ambiguity(parts, parts.stream().map(p -> acrossLayers(layers, fused.path(), "[" + p.label() + "]")).toList(),
                        "MLP gate/up halves", false));
                tentative = true;
            }
            layer0.notes().forEach(n -> basis.add("every layer, " + n));
            if (!skipped.isEmpty()) {
                basis.add("left unmapped: " + skipped.size() + " tensors neither matrix nor vector (buffers such as attention masks), e.g. "
                        + MessageText.oneLine(skipped.getFirst()));
            }
            if (postNorm) {
                basis.add("the layer norms follow their sub-blocks (post-norm): the embeddings are normalised and no final norm follows the blocks");
            }
            List<TensorView> views = new ArrayList<>();
            for (StoredTensor t : tensors) {
                if (halves.containsKey(t.name())) {
                    views.addAll(halves.get(t.name()));
                    continue;
                }
                views.add(TensorView.whole(new TensorInfo(t.name(), roles.getOrDefault(t.name(), TensorRole.UNMAPPED), t.dtype(), t.shape()), t, false));
            }
            RoleAssignment.Confidence confidence = tentative ? RoleAssignment.Confidence.LOW
                    : ordered || defaulted ? RoleAssignment.Confidence.MEDIUM : RoleAssignment.Confidence.HIGH;
            return new RoleMap(views, new RoleAssignment(RoleAssignment.Method.STRUCTURE, modelType, noTable, confidence, basis, ambiguous,
                    null));
        }

        /** The names of the module at {@code path} in every layer (its weight and biases), each with {@code viewSuffix} (a fused slice). */
        private static List<String> acrossLayers(List<List<TensorModule>> layers, String path, String viewSuffix) {
            List<String> out = new ArrayList<>();
            for (List<TensorModule> layer : layers) {
                layer.stream().filter(m -> m.path().equals(path)).forEach(m -> m.tensors().forEach(t -> out.add(t.name() + viewSuffix)));
            }
            return out;
        }

        /** Modules of the tensors at {@code indices}; tensors of rank 0 or above 2 (buffers: attention masks, counters) are left out. */
        private List<TensorModule> modules(List<Integer> indices, java.util.function.IntFunction<String> relativeName) {
            List<StoredTensor> ts = new ArrayList<>();
            List<String> rel = new ArrayList<>();
            List<Integer> kept = new ArrayList<>();
            for (int i : indices) {
                int rank = tensors.get(i).shape().length;
                if (rank == 0 || rank > 2) {
                    skipped.add(tensors.get(i).name() + " " + java.util.Arrays.toString(tensors.get(i).shape()));
                    continue;
                }
                ts.add(tensors.get(i));
                rel.add(relativeName.apply(i));
                kept.add(i);
            }
            return TensorModule.group(ts, rel, kept);
        }

        /** The one side every block matrix has; the declared hidden size or the norms' length break a tie. */
        private long hiddenSize(List<TensorModule> layer) {
            List<TensorModule> matrices = layer.stream().filter(m -> m.matrix() != null).toList();
            if (matrices.isEmpty()) {
                throw new InferenceRefused("the blocks hold no matrices");
            }
            Set<Long> common = new TreeSet<>(List.of(matrices.getFirst().rows(), matrices.getFirst().cols()));
            matrices.forEach(m -> common.retainAll(List.of(m.rows(), m.cols())));
            if (common.isEmpty()) {
                throw new InferenceRefused("the block matrices share no side (no hidden size)");
            }
            Integer declared = arch == null ? null : arch.hiddenSize();
            long hidden;
            if (common.size() == 1) {
                hidden = common.iterator().next();
                basis.add("hidden size " + hidden + ": the one side every block matrix has");
            } else if (declared != null && common.contains((long) declared)) {
                hidden = declared;
                basis.add("hidden size " + hidden + ": the declared hidden_size, a side of every block matrix");
            } else {
                List<Long> norms = layer.stream().filter(m -> m.matrix() == null && common.contains(m.rows())).map(TensorModule::rows).distinct().toList();
                if (norms.size() != 1) {
                    throw new InferenceRefused("the block matrices share the sides " + common + " and nothing tells which is the hidden size");
                }
                hidden = norms.getFirst();
                basis.add("hidden size " + hidden + ": the side of every block matrix that the layer's vectors also have");
            }
            if (declared != null && declared != hidden) {
                throw new InferenceRefused("config.json declares hidden_size " + declared + " but the block matrices share the side " + hidden);
            }
            return hidden;
        }

        /**
         * @param suffixes each layer's tensor names after the layer number, in container order
         */
        private boolean orderTrusted(List<List<Integer>> layerIndices, List<List<String>> suffixes) {
            for (List<Integer> idx : layerIndices) {
                if (idx.getLast() - idx.getFirst() + 1 != idx.size()) {
                    return false;
                }
            }
            if (suffixes.stream().anyMatch(s -> !s.equals(suffixes.getFirst()))) {
                return false;
            }
            // Sorted by name within each dtype: the layout safetensors writers produce, whatever the model's order.
            Map<String, List<String>> byDtype = new LinkedHashMap<>();
            List<Integer> first = layerIndices.getFirst();
            for (int k = 0; k < first.size(); k++) {
                byDtype.computeIfAbsent(tensors.get(first.get(k)).dtype(), d -> new ArrayList<>()).add(suffixes.getFirst().get(k));
            }
            return byDtype.values().stream().anyMatch(l -> !l.equals(l.stream().sorted().toList()));
        }

        /** Roles outside the blocks: embedding (and head), position and token-type tables, pooler, norms. */
        private List<RoleGroup> globals(List<TensorModule> modules, long hidden, boolean orderTrusted, int firstBlock, int lastBlock) {
            List<RoleGroup> groups = new ArrayList<>();
            List<TensorModule> wide = modules.stream().filter(m -> m.matrix() != null && m.cols() == hidden).toList();
            Integer declaredVocab = arch == null ? null : arch.vocabSize();
            long vocab;
            if (declaredVocab != null) {
                vocab = declaredVocab;
            } else {
                vocab = wide.stream().mapToLong(TensorModule::rows).filter(r -> r > hidden).max()
                        .orElseThrow(() -> new InferenceRefused("no [vocab, " + hidden + "] embedding matrix outside the blocks"));
                defaulted = true;
                basis.add("vocabulary size " + vocab + ": not declared, so the tallest [R, " + hidden + "] matrix outside the blocks");
            }
            List<TensorModule> vocabMatrices = wide.stream().filter(m -> m.rows() == vocab).toList();
            if (vocabMatrices.isEmpty() || vocabMatrices.size() > 2) {
                throw new InferenceRefused(vocabMatrices.size() + " matrices of shape [" + vocab + ", " + hidden
                        + "] outside the blocks; one embedding (and at most one untied head) is modelled");
            }
            groups.add(vocabMatrices.size() == 1 ? RoleGroup.decide("embedding (tied head)", vocabMatrices, List.of(Role.EMBEDDING), orderTrusted)
                    : RoleGroup.decide("embedding/head", vocabMatrices, List.of(Role.EMBEDDING, Role.LM_HEAD), orderTrusted));
            Integer positions = arch == null ? null : arch.maxPositionEmbeddings();
            Object typeVocab = arch == null ? null : arch.raw().get("type_vocab_size");
            List<String> unmapped = new ArrayList<>();
            List<TensorModule> norms = new ArrayList<>();
            for (TensorModule m : modules) {
                if (vocabMatrices.contains(m)) {
                    continue;
                }
                if (m.matrix() == null) {
                    if (m.rows() == hidden) {
                        norms.add(m);
                    } else {
                        unmapped.add(m.path() + " " + m.shapeText());
                    }
                    continue;
                }
                Role role = null;
                if (m.cols() == hidden) {
                    if (positions != null && (m.rows() == positions || m.rows() == positions + 2L)) {
                        role = Role.POSITION_EMBEDDING;
                    } else if (typeVocab instanceof Number n && m.rows() == n.longValue()) {
                        role = Role.TOKEN_TYPE_EMBEDDING;
                    } else {
                        Set<Role> h = RoleNameHints.hinted(m.path(), List.of(Role.POSITION_EMBEDDING, Role.TOKEN_TYPE_EMBEDDING, Role.POOLER));
                        role = h.size() == 1 ? h.iterator().next() : null;
                    }
                }
                if (role == null) {
                    unmapped.add(m.path() + " " + m.shapeText());
                } else {
                    groups.add(RoleGroup.decide(role.label(), List.of(m), List.of(role), orderTrusted));
                }
            }
            if (norms.size() == 1) {
                groups.add(globalNorm(norms.getFirst(), orderTrusted, firstBlock, lastBlock));
            } else if (norms.size() == 2) {
                groups.add(RoleGroup.decide("embedding/final norms", norms, List.of(Role.EMBEDDING_NORM, Role.FINAL_NORM), orderTrusted));
            } else if (norms.size() > 2) {
                throw new InferenceRefused(norms.size() + " vectors of the hidden size outside the blocks; at most an embedding and a final norm are modelled");
            }
            for (RoleGroup g : groups) {
                basis.add(g.describe());
            }
            if (!unmapped.isEmpty()) {
                basis.add("left unmapped outside the blocks: " + MessageText.oneLine(String.join(", ", unmapped)));
            }
            return groups;
        }

        private RoleGroup globalNorm(TensorModule norm, boolean orderTrusted, int firstBlock, int lastBlock) {
            Set<Role> h = RoleNameHints.hinted(norm.path(), List.of(Role.EMBEDDING_NORM, Role.FINAL_NORM));
            if (h.size() == 1) {
                return new RoleGroup("norm", List.of(norm), List.of(h.iterator().next()), RoleGroup.How.NAMES, List.of(), List.of());
            }
            if (orderTrusted && (norm.position() < firstBlock || norm.position() > lastBlock)) {
                return new RoleGroup("norm", List.of(norm), List.of(norm.position() < firstBlock ? Role.EMBEDDING_NORM : Role.FINAL_NORM),
                        RoleGroup.How.ORDER, List.of(), List.of());
            }
            return RoleGroup.byDefault("norm", norm, Role.FINAL_NORM);
        }

        /** A fused gate/up weight (and bias) as two views: the first half of the rows gate, the second up. */
        private void splitHalves(TensorModule fused, int layer) {
            for (StoredTensor t : fused.tensors()) {
                long[] shape = t.shape();
                int[][] parts = shape[0] > Integer.MAX_VALUE ? null : FusedLayout.GATE_UP_HALVES.split((int) shape[0], arch);
                if (parts == null) {
                    throw new InferenceRefused("fused gate/up tensor " + MessageText.quoted(t.name()) + " has " + shape[0] + " rows, not two halves");
                }
                List<TensorView> views = new ArrayList<>();
                for (int p = 0; p < parts.length; p++) {
                    Role role = FusedLayout.GATE_UP_HALVES.parts().get(p);
                    TensorRole r = TensorRole.layer(role, layer);
                    long[] partShape = shape.clone();
                    partShape[0] = parts[p].length;
                    views.add(new TensorView(new TensorInfo(t.name() + "[" + role.label() + "]", fused.biases().contains(t) ? r.asBias() : r, t.dtype(),
                            partShape), t, false, parts[p]));
                }
                halves.put(t.name(), views);
            }
        }

        private void record(RoleGroup g, int layer, boolean postNorm) {
            for (int i = 0; i < g.modules().size(); i++) {
                Role role = postNorm ? post(g.roles().get(i)) : g.roles().get(i);
                TensorRole r = layer < 0 ? TensorRole.global(role) : TensorRole.layer(role, layer);
                TensorModule m = g.modules().get(i);
                for (StoredTensor t : m.tensors()) {
                    roles.put(t.name(), m.biases().contains(t) ? r.asBias() : r);
                }
            }
            // Norm placement feeds no weight matching, so only the matrices' decisions set the confidence.
            boolean matrices = g.roles().stream().anyMatch(r -> !r.isNorm());
            ordered |= matrices && g.how() == RoleGroup.How.ORDER;
            defaulted |= matrices && g.how() == RoleGroup.How.DEFAULT;
            tentative |= matrices && g.how() == RoleGroup.How.AMBIGUOUS;
            if (layer < 0 && g.how() == RoleGroup.How.AMBIGUOUS) {
                ambiguous.add(new RoleAssignment.Ambiguity(g.openRoles(),
                        g.open().stream().map(m -> m.tensors().stream().map(StoredTensor::name).toList()).toList(), g.what(), false));
            } else if (layer < 0 && g.modules().size() > 1) {
                ambiguous.add(new RoleAssignment.Ambiguity(g.roles(),
                        g.modules().stream().map(m -> m.tensors().stream().map(StoredTensor::name).toList()).toList(), g.what(), true));
            }
        }

        /** In a post-norm block the two norms follow attention and the MLP. */
        private static Role post(Role r) {
            return switch (r) {
                case ATTN_NORM -> Role.POST_ATTN_NORM;
                case MLP_NORM -> Role.POST_MLP_NORM;
                default -> r;
            };
        }
    }
}
