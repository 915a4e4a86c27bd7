package dev.pedigree.model.roles;

import dev.pedigree.model.TensorContainer;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.TensorStore;
import dev.pedigree.model.onnx.OnnxArchitecture;

/** Lets the reader's fuzz test run the role map and the logical reads over a mutated container. */
public final class OnnxTensorRolesAccess {
    private OnnxTensorRolesAccess() {
    }

    public static void mapAndReadAll(TensorContainer c) {
        TensorStore store = new TensorStore(c, new OnnxTensorRoles().map(c, OnnxArchitecture.from(c)));
        for (TensorInfo t : store.tensors()) {
            if (t.elementCount() <= 1 << 24) {
                store.read(t);
                store.readStrided(t, 16);
            }
        }
    }
}
