package dev.pedigree.bench;

import dev.pedigree.model.StoredTensor;
import dev.pedigree.model.TensorContainer;
import dev.pedigree.model.onnx.OnnxReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Time to open an ONNX model (parse, validate, fold quantised weights) and to decode every tensor to
 * float. Runs on the files named by {@code -Dpedigree.bench.onnx=a.onnx,b.onnx}, else on generated
 * BERT-base-shaped encoders (12 layers, 768/3072) in fp32 and dynamic int8.
 */
public final class OnnxReadBenchmark implements Benchmark {
    private static final int REPEATS = 3;

    @Override
    public String name() {
        return "onnx-read";
    }

    @Override
    public String description() {
        return "open an ONNX model and decode all its tensors (fp32 and dynamic int8)";
    }

    @Override
    public void run(PrintWriter out) throws Exception {
        List<Path> files = new ArrayList<>();
        Path temp = null;
        String named = System.getProperty("pedigree.bench.onnx", "");
        if (named.isBlank()) {
            temp = Files.createTempDirectory("pedigree-onnx-bench");
            files.add(temp.resolve("encoder-fp32.onnx"));
            files.add(temp.resolve("encoder-int8.onnx"));
            SyntheticOnnxModel.write(files.get(0), 12, 768, 3072, false, 1);
            SyntheticOnnxModel.write(files.get(1), 12, 768, 3072, true, 1);
        } else {
            for (String f : named.split(",")) {
                files.add(Path.of(f.trim()));
            }
        }
        try {
            for (Path file : files) {
                measure(file, out);
            }
        } finally {
            if (temp != null) {
                for (Path f : files) {
                    Files.deleteIfExists(f);
                }
                Files.deleteIfExists(temp);
            }
        }
    }

    private static void measure(Path file, PrintWriter out) throws Exception {
        OnnxReader reader = new OnnxReader();
        // CPU time of this thread beside wall time: the figures stay readable on a shared, loaded machine.
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 0; r < REPEATS; r++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            try (TensorContainer c = reader.open(file)) {
                long t1 = System.nanoTime();
                long c1 = cpu.getCurrentThreadCpuTime();
                long floats = 0;
                for (StoredTensor t : c.tensors()) {
                    float[] values = new float[Math.toIntExact(t.elementCount())];
                    t.read(0, values, 0, values.length);
                    floats += values.length;
                }
                long t2 = System.nanoTime();
                long c2 = cpu.getCurrentThreadCpuTime();
                out.printf("%s (%d MB, run %d): open %.1f ms (cpu %.1f ms), %d tensors, decode %d floats in %.1f ms (cpu %.1f ms)"
                                + " = %.2f GB/s of floats per cpu-second%n",
                        file.getFileName(), Files.size(file) >> 20, r + 1, (t1 - t0) / 1e6, (c1 - c0) / 1e6, c.tensors().size(),
                        floats, (t2 - t1) / 1e6, (c2 - c1) / 1e6, floats * 4.0 / (c2 - c1));
            }
        }
    }
}
