package dev.pedigree.model.open;

import dev.pedigree.model.ModelFormat;
import dev.pedigree.model.StoredTensor;
import dev.pedigree.model.TensorContainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** An in-memory container standing in for a reader's output in tests of what comes after the reader. */
record FakeContainer(ModelFormat format, Path file, List<StoredTensor> tensors, Map<String, Object> metadata) implements TensorContainer {
    /** A stored tensor whose element i decodes to i. */
    record Ramp(String name, String dtype, long[] shape) implements StoredTensor {
        @Override
        public long byteSize() {
            return elementCount() * 4;
        }

        @Override
        public void read(long first, float[] dst, int offset, int count) {
            for (int i = 0; i < count; i++) {
                dst[offset + i] = first + i;
            }
        }
    }

    @Override
    public void close() {
    }
}
