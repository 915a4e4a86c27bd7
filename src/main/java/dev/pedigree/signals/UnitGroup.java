package dev.pedigree.signals;

import dev.pedigree.model.Role;
import java.util.List;

/**
 * A set of units in one layer that every function-preserving re-ordering moves together, seen from
 * two disjoint sets of weights: what the units read ({@code in}, rows of the listed roles, side by
 * side) and what they feed ({@code out}: rows, or columns when {@code outTransposed}).
 */
public enum UnitGroup {
    /** MLP neurons: rows of up (and gate) against columns of down. */
    MLP("MLP", List.of(Role.UP, Role.GATE), Role.DOWN, true),
    /** Query/key dimensions: a head's q and k rows move together. */
    QK("attention q/k", List.of(Role.Q), Role.K, false),
    /** Value/output dimensions: v rows against o columns. */
    VO("attention v/o", List.of(Role.V), Role.O, true);

    public final String label;
    public final List<Role> in;
    public final Role out;
    public final boolean outTransposed;

    UnitGroup(String label, List<Role> in, Role out, boolean outTransposed) {
        this.label = label;
        this.in = in;
        this.out = out;
        this.outTransposed = outTransposed;
    }
}
