package dev.pedigree.model.roles;

/** Why {@link StructuralTensorRoles} will not infer roles for a model; the message is shown to the user. */
final class InferenceRefused extends RuntimeException {
    InferenceRefused(String reason) {
        super(reason, null, false, false);
    }
}
