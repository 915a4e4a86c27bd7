package dev.pedigree.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * How a model's tensors got their roles: from an explicit naming table (the normal case), inferred
 * from the structure of the names and the shapes when no table applies, or not at all. Inferred
 * roles carry their confidence, the reasoning behind each decision, and the groups of tensors whose
 * roles the structure could not tell apart (a comparison resolves those against the other model).
 *
 * @param modelType  the declared {@code model_type}, or null
 * @param noTable    why no naming table gave the roles ({@code no naming table for model_type zoo_lm}); null for a naming table
 * @param confidence how far the inferred roles can be trusted; null unless inferred
 * @param basis      what each decision rested on, one line each; empty for a naming table
 * @param ambiguous  groups of shape twins, tentative or decided by names or file order; empty unless inferred
 * @param reason     why no roles were inferred; null otherwise
 */
public record RoleAssignment(Method method, String modelType, String noTable, Confidence confidence, List<String> basis, List<Ambiguity> ambiguous,
        String reason) {

    public enum Method {
        /** An explicit per-architecture or per-format naming table. */
        NAMING_TABLE,
        /** Inferred from the repeated block in the names and the tensor shapes. */
        STRUCTURE,
        /** Neither: every tensor is unmapped. */
        NONE;

        /** As reports write it: {@code naming-table}, {@code structure}, {@code none}. */
        @JsonValue
        public String token() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** How far the matrices' roles (those weight matching uses) can be trusted; where norms were placed does not count. */
    public enum Confidence {
        /** Every matrix role follows from the shapes or from unambiguous name hints. */
        HIGH,
        /** Some roles rest on the order of tensors in the file, or on a default (an undeclared vocabulary size). */
        MEDIUM,
        /** Some roles could not be told apart; they are tentative until matched against another model. */
        LOW;

        /** As reports write it: {@code high}, {@code medium}, {@code low}. */
        @JsonValue
        public String token() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Tensors whose shapes fit the same roles: {@code tensors.get(i)} (weights and their biases, every
     * layer) carry {@code roles.get(i)}; any permutation of the roles over the groups fits the shapes
     * as well. {@code decided}: names or the file order chose the roles (a comparison checks them
     * against the other model's weights); otherwise the roles are tentative.
     */
    public record Ambiguity(List<Role> roles, List<List<String>> tensors, String what, boolean decided) {
        public Ambiguity {
            roles = List.copyOf(roles);
            tensors = tensors.stream().map(List::copyOf).toList();
        }
    }

    public RoleAssignment {
        basis = basis == null ? List.of() : List.copyOf(basis);
        ambiguous = ambiguous == null ? List.of() : List.copyOf(ambiguous);
    }

    /** Roles from a naming table. */
    public static RoleAssignment namingTable(String modelType) {
        return new RoleAssignment(Method.NAMING_TABLE, modelType, null, null, List.of(), List.of(), null);
    }

    /** One line for reports: where the roles came from and, when inferred, how sure. */
    public String summary() {
        return switch (method) {
            case NAMING_TABLE -> "roles from tensor names" + (modelType == null ? "" : " (model_type " + modelType + ")");
            case STRUCTURE -> "roles inferred from structure (" + noTable + "), confidence " + confidence.token() + tentative();
            case NONE -> "no roles (" + noTable + "): " + reason;
        };
    }

    private String tentative() {
        long n = ambiguous.stream().filter(a -> !a.decided()).count();
        return n == 0 ? "" : "; " + n + " group(s) of shape twins with tentative roles, settled only against another model";
    }
}
