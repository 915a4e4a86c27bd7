package dev.pedigree.bench;

import java.util.List;

/** The benchmarks {@code pedigree bench} knows, in the order they are listed. */
public final class Benchmarks {
    private Benchmarks() {
    }

    public static List<Benchmark> all() {
        return List.of(
                new GgufDecodeBenchmark(),
                new InspectBenchmark(),
                new SafetensorsDecodeBenchmark(),
                new OnnxReadBenchmark(),
                new MpsStepBenchmark(),
                new CompareBenchmark(),
                new CompareLargeBenchmark(),
                new BackendBenchmark(),
                new ScanBenchmark()
        );
    }
}
