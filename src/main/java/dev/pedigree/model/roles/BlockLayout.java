package dev.pedigree.model.roles;

import dev.pedigree.error.MessageText;
import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * The roles of one layer's modules from their shapes against the hidden size H, in HF orientation
 * {@code [out, in]}: the MLP's down projection is the {@code [H, I]} matrix with one ({@code up}) or
 * two ({@code gate}, {@code up}) {@code [I, H]} partners; attention is then two square {@code [H, H]}
 * matrices (q, o) and two {@code [kvH, H]} (k, v), or four squares (q, k, v, o without grouped kv
 * heads), or, when the heads are narrower or wider than H, an {@code [H, qd]} o with q (and k, v)
 * {@code [qd, H]}; vectors of length H are norms, two shorter equal vectors are q/k norms (other
 * vectors stay unmapped). A fused gate/up projection ({@code [2I, H]}) is reported for splitting in
 * halves; a fused q/k/v projection is left unmapped: whether its rows are concatenated or interleaved
 * per head cannot be told from structure. Anything else is refused.
 *
 * <p>Weights are assumed stored {@code [out, in]}; a checkpoint storing them {@code [in, out]} (GPT-2's
 * Conv1D) is refused through its fused attention, or would swap up and down.
 */
final class BlockLayout {
    /**
     * @param gateUpHalves a fused gate/up projection ({@code [2I, H]} beside an {@code [H, I]} down), to split in halves; or null
     * @param notes        the modules deliberately left without a role, and why
     */
    record Result(List<RoleGroup> groups, TensorModule gateUpHalves, List<String> notes) {
    }

    private BlockLayout() {
    }

    static Result classify(int layer, List<TensorModule> modules, long hidden, ArchitectureSpec arch, boolean orderTrusted) {
        List<TensorModule> ins = new ArrayList<>();
        List<TensorModule> outs = new ArrayList<>();
        List<TensorModule> squares = new ArrayList<>();
        List<TensorModule> vectors = new ArrayList<>();
        for (TensorModule m : modules) {
            if (m.matrix() == null) {
                vectors.add(m);
            } else if (m.rows() == hidden && m.cols() == hidden) {
                squares.add(m);
            } else if (m.cols() == hidden) {
                ins.add(m);
            } else if (m.rows() == hidden) {
                outs.add(m);
            } else {
                throw new InferenceRefused("layer " + layer + ": " + MessageText.quoted(m.matrix().name()) + " " + m.shapeText()
                        + " has no side of the hidden size " + hidden);
            }
        }
        List<RoleGroup> groups = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        TensorModule halves = mlp(layer, ins, outs, arch, orderTrusted, groups);
        attention(layer, ins, outs, squares, hidden, orderTrusted, groups, notes);
        norms(layer, vectors, hidden, orderTrusted, groups, notes);
        return new Result(groups, halves, notes);
    }

    /**
     * Finds down and its up (and gate) partners, and removes them from {@code ins} and {@code outs}.
     *
     * @return a fused gate/up partner of down ({@code [2I, H]}), or null
     */
    private static TensorModule mlp(int layer, List<TensorModule> ins, List<TensorModule> outs, ArchitectureSpec arch, boolean orderTrusted,
            List<RoleGroup> groups) {
        Integer declared = arch == null ? null : arch.intermediateSize();
        TensorModule down = null;
        List<TensorModule> partners = List.of();
        for (TensorModule o : outs) {
            List<TensorModule> p = ins.stream().filter(i -> i.rows() == o.cols()).toList();
            if (p.isEmpty() || p.size() > 2) {
                continue;
            }
            boolean better = down == null || (declared != null ? o.cols() == declared : o.cols() > down.cols());
            if (better) {
                down = o;
                partners = p;
            }
        }
        TensorModule halves = null;
        if (down == null) {
            for (TensorModule o : outs) {
                List<TensorModule> fused = ins.stream().filter(i -> i.rows() == 2 * o.cols()).toList();
                if (fused.size() == 1) {
                    down = o;
                    halves = fused.getFirst();
                    ins.remove(halves);
                    break;
                }
            }
        }
        if (down == null) {
            throw new InferenceRefused("layer " + layer + ": no MLP found (an [H, I] matrix with one or two [I, H] partners)");
        }
        if (partners.size() == 1) {
            // One [I, H] partner beside a [2I, H] matrix: either up beside a fused q/k/v of 2I rows, or a fused q/k/v of I rows beside
            // a fused gate/up. Only the declared head counts tell which.
            long twice = 2 * down.cols();
            TensorModule up = partners.getFirst();
            List<TensorModule> doubled = ins.stream().filter(i -> i.rows() == twice).toList();
            if (doubled.size() == 1) {
                long qkvRows = FusedLayout.QKV_CONCAT_HEADS.expectedRows(arch);
                if (qkvRows < 0) {
                    throw new InferenceRefused("layer " + layer + ": " + up.path() + " " + up.shapeText() + " may be the MLP's up or a fused q/k/v beside a "
                            + "fused gate/up " + doubled.getFirst().path() + " " + doubled.getFirst().shapeText() + "; no head counts are declared to tell");
                }
                if (qkvRows == up.rows()) {
                    halves = doubled.getFirst();
                    ins.remove(halves);
                    partners = List.of();
                }
            }
        }
        groups.add(RoleGroup.decide("MLP down", List.of(down), List.of(Role.DOWN), orderTrusted));
        if (partners.size() == 1) {
            groups.add(RoleGroup.decide("MLP up", partners, List.of(Role.UP), orderTrusted));
        } else if (partners.size() == 2) {
            groups.add(RoleGroup.decide("MLP gate/up", partners, List.of(Role.GATE, Role.UP), orderTrusted));
        }
        ins.removeAll(partners);
        outs.remove(down);
        return halves;
    }

    private static void attention(int layer, List<TensorModule> ins, List<TensorModule> outs, List<TensorModule> squares, long hidden,
            boolean orderTrusted, List<RoleGroup> groups, List<String> notes) {
        if (outs.size() == 1 && squares.isEmpty()) {
            TensorModule o = outs.getFirst();
            List<TensorModule> q = ins.stream().filter(i -> i.rows() == o.cols()).toList();
            List<TensorModule> kv = ins.stream().filter(i -> i.rows() != o.cols()).toList();
            if (q.size() == 1 && kv.size() == 2 && kv.get(0).rows() == kv.get(1).rows()) {
                groups.add(RoleGroup.decide("attention o", List.of(o), List.of(Role.O), orderTrusted));
                groups.add(RoleGroup.decide("attention q", q, List.of(Role.Q), orderTrusted));
                groups.add(RoleGroup.decide("attention k/v", kv, List.of(Role.K, Role.V), orderTrusted));
                return;
            }
            if (q.size() == 3 && kv.isEmpty()) {
                groups.add(RoleGroup.decide("attention o", List.of(o), List.of(Role.O), orderTrusted));
                groups.add(RoleGroup.decide("attention q/k/v", q, List.of(Role.Q, Role.K, Role.V), orderTrusted));
                return;
            }
            if (q.isEmpty() && kv.size() == 1) {
                groups.add(RoleGroup.decide("attention o", List.of(o), List.of(Role.O), orderTrusted));
                fusedQkv(kv.getFirst(), notes);
                return;
            }
        } else if (outs.isEmpty()) {
            if (squares.size() == 2 && ins.size() == 2 && ins.get(0).rows() == ins.get(1).rows()) {
                groups.add(RoleGroup.decide("attention q/o", squares, List.of(Role.Q, Role.O), orderTrusted));
                groups.add(RoleGroup.decide("attention k/v", ins, List.of(Role.K, Role.V), orderTrusted));
                return;
            }
            if (squares.size() == 4 && ins.isEmpty()) {
                groups.add(RoleGroup.decide("attention q/k/v/o", squares, List.of(Role.Q, Role.K, Role.V, Role.O), orderTrusted));
                return;
            }
            if (squares.size() == 1 && ins.size() == 1) {
                groups.add(RoleGroup.decide("attention o", squares, List.of(Role.O), orderTrusted));
                fusedQkv(ins.getFirst(), notes);
                return;
            }
        }
        List<String> shapes = new ArrayList<>();
        for (List<TensorModule> l : List.of(squares, ins, outs)) {
            l.forEach(m -> shapes.add(m.path() + " " + m.shapeText()));
        }
        throw new InferenceRefused("layer " + layer + ": the matrices besides the MLP (" + MessageText.oneLine(String.join(", ", shapes))
                + ") do not form q, k, v, o for hidden size " + hidden);
    }

    private static void fusedQkv(TensorModule fused, List<String> notes) {
        notes.add("fused q/k/v projection " + fused.path() + " " + fused.shapeText()
                + " left unmapped: whether its rows are concatenated or interleaved per head cannot be told from structure");
    }

    private static void norms(int layer, List<TensorModule> vectors, long hidden, boolean orderTrusted, List<RoleGroup> groups,
            List<String> notes) {
        List<TensorModule> full = vectors.stream().filter(v -> v.rows() == hidden).toList();
        List<TensorModule> small = vectors.stream().filter(v -> v.rows() != hidden).toList();
        List<Role> roles = switch (full.size()) {
            case 0 -> List.of();
            case 1 -> List.of(Role.ATTN_NORM);
            case 2 -> List.of(Role.ATTN_NORM, Role.MLP_NORM);
            case 4 -> List.of(Role.ATTN_NORM, Role.POST_ATTN_NORM, Role.MLP_NORM, Role.POST_MLP_NORM);
            default -> throw new InferenceRefused("layer " + layer + ": " + full.size() + " vectors of the hidden size; 1, 2 or 4 norms are modelled");
        };
        if (!full.isEmpty()) {
            groups.add(RoleGroup.decide("norms", full, roles, orderTrusted));
        }
        if (small.size() == 2 && small.get(0).rows() == small.get(1).rows()) {
            groups.add(RoleGroup.decide("q/k norms", small, List.of(Role.Q_NORM, Role.K_NORM), orderTrusted));
        } else {
            // Buffers saved beside the weights (rotary inverse frequencies) carry no weight evidence.
            for (TensorModule v : small) {
                notes.add("vector " + v.path() + " " + v.shapeText() + " left unmapped: neither a norm of the hidden size nor one of a q/k norm pair");
            }
        }
    }
}
