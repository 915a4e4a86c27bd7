package dev.pedigree.model.roles;

import dev.pedigree.error.MessageText;
import dev.pedigree.model.StoredTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tensors that share a name up to the last dot: a linear layer's weight and bias, a norm's scale and
 * shift. {@code matrix} is its one 2-D tensor (null for a norm), {@code vector} its 1-D non-bias
 * tensor (a norm's scale), {@code biases} the tensors whose last name part says bias.
 *
 * @param path     the name before the last dot, relative to the layer inside a block
 * @param position the place of its first tensor in the container
 */
record TensorModule(String path, StoredTensor matrix, StoredTensor vector, List<StoredTensor> biases, int position) {
    private static final Set<String> BIAS_NAMES = Set.of("bias", "beta", "b");

    List<StoredTensor> tensors() {
        List<StoredTensor> out = new ArrayList<>();
        if (matrix != null) {
            out.add(matrix);
        }
        if (vector != null) {
            out.add(vector);
        }
        out.addAll(biases);
        return out;
    }

    /** The matrix's rows, or the vector's length. */
    long rows() {
        return matrix != null ? matrix.shape()[0] : vector.shape()[0];
    }

    long cols() {
        return matrix.shape()[1];
    }

    String shapeText() {
        return Arrays.toString(matrix != null ? matrix.shape() : vector.shape());
    }

    /**
     * Groups matrices and vectors (in container order) into modules by the name before the last dot,
     * refusing what the inference does not model: two matrices in one module, a vector beside a
     * matrix that is not its bias.
     */
    static List<TensorModule> group(List<StoredTensor> tensors, List<String> relativeNames, List<Integer> positions) {
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < tensors.size(); i++) {
            String rel = relativeNames.get(i);
            int dot = rel.lastIndexOf('.');
            members.computeIfAbsent(dot < 0 ? "" : rel.substring(0, dot), k -> new ArrayList<>()).add(i);
        }
        List<TensorModule> out = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
            StoredTensor matrix = null;
            StoredTensor vector = null;
            List<StoredTensor> biases = new ArrayList<>();
            for (int i : e.getValue()) {
                StoredTensor t = tensors.get(i);
                String rel = relativeNames.get(i);
                String leaf = rel.substring(rel.lastIndexOf('.') + 1);
                int rank = t.shape().length;
                if (rank == 1 && BIAS_NAMES.contains(leaf)) {
                    biases.add(t);
                } else if (rank == 2 && matrix == null) {
                    matrix = t;
                } else if (rank == 1 && vector == null) {
                    vector = t;
                } else {
                    throw new InferenceRefused("module " + MessageText.quoted(e.getKey()) + " holds more than one weight ("
                            + MessageText.quoted(t.name()) + ")");
                }
            }
            if (matrix != null && vector != null) {
                throw new InferenceRefused("module " + MessageText.quoted(e.getKey()) + " holds a matrix and a vector "
                        + MessageText.quoted(vector.name()) + " not named as its bias");
            }
            if (matrix == null && vector == null) {
                // Biases alone: the first one stands in as the module's vector (a norm whose scale is named like a bias).
                vector = biases.removeFirst();
            }
            out.add(new TensorModule(e.getKey(), matrix, vector, List.copyOf(biases), positions.get(e.getValue().getFirst())));
        }
        return out;
    }
}
