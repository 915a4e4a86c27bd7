package dev.pedigree.bench;

import dev.pedigree.model.ModelFormat;
import dev.pedigree.model.StoredTensor;
import dev.pedigree.model.TensorContainer;
import dev.pedigree.model.TensorInfo;
import dev.pedigree.model.TensorRole;
import dev.pedigree.model.TensorStore;
import dev.pedigree.model.TensorView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link TensorStore} from float arrays with names and roles, in the order they are added:
 * the synthetic models benchmarks calibrate on and tests check against.
 */
public final class InMemoryModel {
    private final List<TensorView> views = new ArrayList<>();
    private final List<StoredTensor> stored = new ArrayList<>();

    public InMemoryModel add(String name, TensorRole role, float[] data, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException(name + ": " + data.length + " values for shape " + java.util.Arrays.toString(shape));
        }
        StoredTensor t = new ArrayTensor(name, shape.clone(), data.clone());
        stored.add(t);
        views.add(TensorView.whole(new TensorInfo(name, role, "F32", shape), t, false));
        return this;
    }

    public TensorStore store() {
        List<StoredTensor> tensors = List.copyOf(stored);
        TensorContainer c = new TensorContainer() {
            @Override
            public ModelFormat format() {
                return ModelFormat.SAFETENSORS;
            }

            @Override
            public Path file() {
                return Path.of("in-memory");
            }

            @Override
            public List<StoredTensor> tensors() {
                return tensors;
            }

            @Override
            public Map<String, Object> metadata() {
                return Map.of();
            }

            @Override
            public void close() {
            }
        };
        return new TensorStore(c, views);
    }

    private record ArrayTensor(String name, long[] shape, float[] data) implements StoredTensor {
        @Override
        public String dtype() {
            return "F32";
        }

        @Override
        public long byteSize() {
            return 4L * data.length;
        }

        @Override
        public void read(long first, float[] dst, int offset, int count) {
            System.arraycopy(data, Math.toIntExact(first), dst, offset, count);
        }
    }
}
