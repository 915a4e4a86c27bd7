package dev.pedigree.model.roles;

import dev.pedigree.model.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Modules whose shapes fit the same set of roles (the two square attention matrices fit q and o),
 * and how their roles were decided: by shape alone (one module, one role), by name hints, by the
 * order of the tensors in the file, or not at all (then the roles are tentative, in the
 * conventional order, and {@code open} lists the modules left to tell apart against another model).
 *
 * @param roles the role of each module, in the same order
 */
record RoleGroup(String what, List<TensorModule> modules, List<Role> roles, How how, List<TensorModule> open, List<Role> openRoles) {
    enum How {
        SHAPE, NAMES, ORDER, AMBIGUOUS,
        /** Neither names nor order say; the usual choice was made (a lone global norm is a final norm). */
        DEFAULT
    }

    /** One module given a role by default. */
    static RoleGroup byDefault(String what, TensorModule module, Role role) {
        return new RoleGroup(what, List.of(module), List.of(role), How.DEFAULT, List.of(), List.of());
    }

    /**
     * @param modules      the modules, in container order
     * @param roles        the roles they fit, in the order the modules usually come in (q before o, gate before up)
     * @param orderTrusted whether the file keeps the modules in the model's order (see {@link StructuralTensorRoles})
     */
    static RoleGroup decide(String what, List<TensorModule> modules, List<Role> roles, boolean orderTrusted) {
        if (modules.size() == 1) {
            return new RoleGroup(what, modules, roles, How.SHAPE, List.of(), List.of());
        }
        Map<TensorModule, Role> hinted = new LinkedHashMap<>();
        for (TensorModule m : modules) {
            Set<Role> h = RoleNameHints.hinted(m.path(), roles);
            if (h.size() == 1) {
                hinted.put(m, h.iterator().next());
            }
        }
        // Two modules hinting the same role: neither hint can be believed.
        Map<Role, Long> uses = hinted.values().stream().collect(Collectors.groupingBy(r -> r, Collectors.counting()));
        hinted.values().removeIf(r -> uses.get(r) > 1);
        List<TensorModule> rest = new ArrayList<>();
        for (TensorModule m : modules) {
            if (!hinted.containsKey(m)) {
                rest.add(m);
            }
        }
        List<Role> restRoles = new ArrayList<>(roles);
        restRoles.removeAll(hinted.values());
        How how;
        if (rest.size() <= 1) {
            how = How.NAMES;
        } else {
            how = orderTrusted ? How.ORDER : How.AMBIGUOUS;
        }
        rest.sort(Comparator.comparingInt(TensorModule::position));
        Map<TensorModule, Role> assigned = new LinkedHashMap<>(hinted);
        for (int i = 0; i < rest.size(); i++) {
            assigned.put(rest.get(i), restRoles.get(i));
        }
        List<Role> out = modules.stream().map(assigned::get).toList();
        return how == How.AMBIGUOUS ? new RoleGroup(what, modules, out, how, List.copyOf(rest), List.copyOf(restRoles))
                : new RoleGroup(what, modules, out, how, List.of(), List.of());
    }

    /** One line for the basis: {@code attention q/o: wq = q, wo = o (by names)}. */
    String describe() {
        StringBuilder b = new StringBuilder(what).append(": ");
        for (int i = 0; i < modules.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(modules.get(i).path().isEmpty() ? "(unnamed)" : modules.get(i).path()).append(" ")
                    .append(modules.get(i).shapeText()).append(" = ").append(roles.get(i).label());
        }
        return b.append(" (").append(switch (how) {
            case SHAPE -> "by shape";
            case NAMES -> "by names";
            case ORDER -> "by order in the file";
            case DEFAULT -> "by default: neither names nor file order say";
            case AMBIGUOUS -> "tentative: " + open.stream().map(TensorModule::path).collect(Collectors.joining(" / "))
                    + " cannot be told apart by shape, names or file order";
        }).append(")").toString();
    }
}
