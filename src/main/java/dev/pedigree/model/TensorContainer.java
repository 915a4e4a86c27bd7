package dev.pedigree.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one reader produced from one model: its stored tensors in file order and the metadata the
 * format carries (GGUF key-values, safetensors {@code __metadata__}, ONNX {@code metadata_props}).
 * Holds the memory mappings; closing it releases them.
 */
public interface TensorContainer extends AutoCloseable {
    ModelFormat format();

    /** The file (or, for sharded safetensors, the index file) this container was read from. */
    Path file();

    List<StoredTensor> tensors();

    /** Format metadata; values are String, Long, Double, Boolean or List of those. */
    Map<String, Object> metadata();

    @Override
    void close();
}
