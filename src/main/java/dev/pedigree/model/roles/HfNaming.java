package dev.pedigree.model.roles;

import dev.pedigree.model.Role;
import dev.pedigree.model.TensorRole;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One architecture's exact tensor names: the prefixes its checkpoints use (tried in order), the
 * path of its numbered blocks, and name-to-slot tables for names outside the blocks (relative to a
 * prefix), for whole names (heads saved beside the backbone), and for names inside a block.
 */
final class HfNaming {
    /** What one name maps to: a role, optionally stored {@code [in, out]}, or a fused tensor to split. */
    record Slot(Role role, boolean bias, boolean transposed, FusedLayout fused) {
    }

    /** A name resolved against this naming: its slot and its block index (-1 outside blocks). */
    record Match(Slot slot, int layer) {
        TensorRole role() {
            TensorRole r = layer < 0 ? TensorRole.global(slot.role()) : TensorRole.layer(slot.role(), layer);
            return slot.bias() ? r.asBias() : r;
        }
    }

    private final List<String> prefixes;
    private final String blockPath;
    private final Map<String, Slot> global = new HashMap<>();
    private final Map<String, Slot> whole = new HashMap<>();
    private final Map<String, Slot> block = new HashMap<>();

    HfNaming(List<String> prefixes, String blockPath) {
        this.prefixes = List.copyOf(prefixes);
        this.blockPath = blockPath;
    }

    /** A copy to extend: families that differ from a base by a few names. */
    HfNaming copy() {
        HfNaming c = new HfNaming(prefixes, blockPath);
        c.global.putAll(global);
        c.whole.putAll(whole);
        c.block.putAll(block);
        return c;
    }

    /** Outside the blocks, after a prefix: {@code embed_tokens.weight}. */
    HfNaming global(String name, Role role) {
        global.put(name, new Slot(role, false, false, null));
        return this;
    }

    /** The additive part of a layer outside the blocks. */
    HfNaming globalBias(String name, Role role) {
        global.put(name, new Slot(role, true, false, null));
        return this;
    }

    /** A weight and bias pair outside the blocks: {@code ln_f} -> {@code ln_f.weight}, {@code ln_f.bias}. */
    HfNaming globalPair(String path, Role role) {
        return global(path + ".weight", role).globalBias(path + ".bias", role);
    }

    /** A full tensor name, no prefix: {@code lm_head.weight}. */
    HfNaming whole(String name, Role role, boolean bias) {
        whole.put(name, new Slot(role, bias, false, null));
        return this;
    }

    /** Weight and bias of a linear or norm inside a block, stored in HF orientation. */
    HfNaming pair(String path, Role role) {
        block.put(path + ".weight", new Slot(role, false, false, null));
        block.put(path + ".bias", new Slot(role, true, false, null));
        return this;
    }

    /** TensorFlow-era norm names kept by some BERT checkpoints. */
    HfNaming gammaBeta(String path, Role role) {
        block.put(path + ".gamma", new Slot(role, false, false, null));
        block.put(path + ".beta", new Slot(role, true, false, null));
        return this;
    }

    /** GPT-2's Conv1D: the weight is stored {@code [in, out]}. */
    HfNaming conv1d(String path, Role role) {
        block.put(path + ".weight", new Slot(role, false, true, null));
        block.put(path + ".bias", new Slot(role, true, false, null));
        return this;
    }

    /** A fused projection (weight and bias) split into its parts by {@code layout}. */
    HfNaming fused(String path, FusedLayout layout, boolean weightTransposed) {
        block.put(path + ".weight", new Slot(null, false, weightTransposed, layout));
        block.put(path + ".bias", new Slot(null, true, false, layout));
        return this;
    }

    HfNaming remove(String blockName) {
        block.remove(blockName);
        return this;
    }

    /** The slot of a stored name, or null when this naming does not know it. */
    Match match(String name) {
        Slot s = whole.get(name);
        if (s != null) {
            return new Match(s, -1);
        }
        for (String prefix : prefixes) {
            if (!name.startsWith(prefix)) {
                continue;
            }
            String rest = name.substring(prefix.length());
            s = global.get(rest);
            if (s != null) {
                return new Match(s, -1);
            }
            Match m = matchBlock(rest);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    private Match matchBlock(String rest) {
        if (!rest.startsWith(blockPath)) {
            return null;
        }
        int start = blockPath.length();
        int dot = rest.indexOf('.', start);
        // Layer numbers are plain decimal digits, at most 6 of them.
        if (dot <= start || dot - start > 6) {
            return null;
        }
        for (int i = start; i < dot; i++) {
            if (rest.charAt(i) < '0' || rest.charAt(i) > '9') {
                return null;
            }
        }
        Slot s = block.get(rest.substring(dot + 1));
        return s == null ? null : new Match(s, Integer.parseInt(rest.substring(start, dot)));
    }
}
